namespace CareerLsp.Core.Tests.Patterns;

/// <summary>The DotNet detectors (server/CareerLsp.Core/Domain/Library/Code/Detectors/DotNet.cs).</summary>
public sealed partial class CodeFactsTests
{
    [Fact]
    public void CSharp_services()
    {
        Has(Diff("src/Sms/Sender.cs", "+        using var client = new HttpClient();"), "new HttpClient created for each call");
        HasNot(Diff("src/Sms/Sender.cs", "+    private static readonly HttpClient Client = new HttpClient();"), "new HttpClient");
        Has(Diff("src/Api/Summary.cs", "+        var customer = _client.GetCustomerAsync(id).Result;"), "blocking on async code");
        HasNot(Diff("tests/Api/ControllerTests.cs", "+        Assert.IsType<NotFoundResult>(response.Result);"), "blocking");
        Has(Diff("src/Jobs/Run.cs", "+        _logger.LogInformation($\"Ran {count} invoices\");"), "string interpolation in a log call");
        HasNot(Diff("src/Jobs/Run.cs", "+        _logger.LogInformation(\"Ran {Count} invoices\", count);"), "interpolation");

        string hosted = "+public sealed class OutboxPublisher : BackgroundService\n+{\n+    private readonly OrdersDbContext _db;";
        Has(Diff("src/Outbox/OutboxPublisher.cs", hosted, isNew: true), "scoped DbContext injected into a hosted BackgroundService");
        HasNot(Diff("src/Outbox/OutboxPublisher.cs", hosted.Replace("OrdersDbContext _db", "IDbContextFactory<OrdersDbContext> _factory", StringComparison.Ordinal), isNew: true), "DbContext injected");

        string rename = "-    public string Surname { get; init; }\n+    public string LastName { get; init; }";
        Has(Diff("src/Api/Contracts/OrderDto.cs", rename), "public DTO property renamed");
        HasNot(Diff("src/Domain/Customer.cs", rename), "renamed");

        Has(Diff("Directory.Packages.props", "+    <PackageVersion Include=\"Polly\" Version=\"8.*\" />"), "floating or wildcard version");
        Assert.Contains("exact pinned version", Facts(Diff("Directory.Packages.props", "+    <PackageVersion Include=\"Polly\" Version=\"8.4.1\" />"), remedies: true));
    }
}
