namespace CareerLsp.Core.Tests.Patterns;

/// <summary>The Terraform detectors (server/CareerLsp.Core/Domain/Library/Code/Detectors/Terraform.cs).</summary>
public sealed partial class CodeFactsTests
{
    [Fact]
    public void Terraform_cidrs_wildcards_and_renames()
    {
        Has(Diff("infra/sg.tf", "+  cidr_blocks       = [\"0.0.0.0/0\"]"), "opened to 0.0.0.0/0");
        HasNot(Diff("infra/sg.tf", "+  cidr_blocks       = [\"10.0.0.0/16\"]"), "0.0.0.0/0");
        Has(Diff("infra/iam.tf", "+    actions   = [\"rds:*\", \"secretsmanager:*\"]"), "wildcard actions");
        HasNot(Diff("infra/iam.tf", "+    actions   = [\"rds:DescribeDBInstances\"]"), "wildcard");
        Has(Diff("infra/s3.tf", "-resource \"aws_s3_bucket\" \"logs\" {\n+resource \"aws_s3_bucket\" \"access_logs\" {"), "Terraform resource renamed");
        HasNot(Diff("infra/s3.tf", "-resource \"aws_s3_bucket\" \"logs\" {\n+resource \"aws_s3_bucket\" \"access_logs\" {\n+moved {\n+  from = aws_s3_bucket.logs"), "renamed");
    }
}
