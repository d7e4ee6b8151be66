namespace CareerLsp.Core.Tests.Patterns;

/// <summary>The Workflows detectors (server/CareerLsp.Core/Domain/Library/Code/Detectors/Workflows.cs).</summary>
public sealed partial class CodeFactsTests
{
    [Fact]
    public void Workflows_actions_deploys_and_caches()
    {
        Has(Diff(".github/workflows/ci.yml", "+      - uses: acme-oss/kubeconfig-action@main"), "third-party action by a mutable tag");
        HasNot(Diff(".github/workflows/ci.yml", "+      - uses: golangci/golangci-lint-action@3cfe3a4abbb849e10058ce4af15d205b6da42804 # v4.0.0"), "mutable");
        Assert.Contains("action pinned to a full commit SHA", Facts(Diff(".github/workflows/ci.yml", "+      - uses: golangci/golangci-lint-action@3cfe3a4abbb849e10058ce4af15d205b6da42804"), remedies: true));
        Has(Diff(".github/workflows/ci.yml", "on:\n  push:\n-    branches: [main]\n+  deploy:\n+    runs-on: ubuntu-latest"), "deploy job runs on every branch push");
        HasNot(Diff(".github/workflows/ci.yml", "on:\n  push:\n    branches: [main]\n+  deploy:\n+    runs-on: ubuntu-latest"), "deploy job");
        Has(Diff(".github/workflows/ci.yml", "+          key: deps-${{ runner.os }}"), "CI cache key without lockfile hash");
        HasNot(Diff(".github/workflows/ci.yml", "+          key: deps-${{ hashFiles('package-lock.json') }}"), "CI cache key");
    }
}
