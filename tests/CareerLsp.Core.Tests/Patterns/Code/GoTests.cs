namespace CareerLsp.Core.Tests.Patterns;

/// <summary>The Go detectors (server/CareerLsp.Core/Domain/Library/Code/Detectors/Go.cs).</summary>
public sealed partial class CodeFactsTests
{
    [Fact]
    public void Go_services()
    {
        Has(Diff("internal/inv/repo.go", "+\t\treturn fmt.Errorf(\"load invoice %d: %v\", id, err)"), "error wrapped with %v instead of %w");
        HasNot(Diff("internal/inv/repo.go", "+\t\treturn fmt.Errorf(\"load invoice %d: %w\", id, err)"), "wrapped");
        Has(Diff("internal/orders/repo.go", "+\trows, err := r.db.QueryContext(ctx, q, id)\n+\tif err != nil {\n+\t\treturn nil, err\n+\t}"), "rows not closed after Query");
        HasNot(Diff("internal/orders/repo.go", "+\trows, err := r.db.QueryContext(ctx, q, id)\n+\tif err != nil {\n+\t\treturn nil, err\n+\t}\n+\tdefer rows.Close()"), "rows not closed");
        string pricing = "+\tprices := make(map[string]int)\n+\tfor _, item := range items {\n+\t\tgo func(item Item) {\n+\t\t\twg.Add(1)\n+\t\t\tprices[item.SKU] = price(item)\n+\t\t}(item)\n+\t}";
        Has(Diff("internal/cart/pricing.go", pricing), "WaitGroup.Add called inside the goroutine");
        Has(Diff("internal/cart/pricing.go", pricing), "map shared between goroutines written without a lock");
        HasNot(Diff("internal/cart/pricing.go", pricing.Replace("\t\t\tprices[item.SKU]", "\t\t\tmu.Lock()\n+\t\t\tprices[item.SKU]", StringComparison.Ordinal)), "map shared");
        Has(Diff("go.mod", "+replace github.com/acme/platform => ../platform"), "replace directive pointing at a local path");
        HasNot(Diff("go.mod", "+replace github.com/acme/platform => github.com/acme/platform v1.4.2"), "replace directive");
        Has(Diff("proto/shipment.proto", "-  string region = 4;\n+  int32 region_id = 4;"), "proto field number reused or changed");
        HasNot(Diff("proto/shipment.proto", "   string region = 4;\n+  int32 region_id = 5;"), "proto field");
    }
}
