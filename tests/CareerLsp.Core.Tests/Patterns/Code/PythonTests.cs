namespace CareerLsp.Core.Tests.Patterns;

/// <summary>The Python detectors (server/CareerLsp.Core/Domain/Library/Code/Detectors/Python.cs).</summary>
public sealed partial class CodeFactsTests
{
    [Fact]
    public void An_http_call_without_a_timeout_and_with_one()
    {
        Has(Diff("app/shipping.py", "+    resp = requests.post(\n+        url,\n+        json=body,\n+    )"), "outbound HTTP request call to an external API without timeout");
        HasNot(Diff("app/shipping.py", "+    resp = requests.post(\n+        url,\n+        timeout=10,\n+    )"), "outbound HTTP");
        Has(Diff("cmd/api/client.go", "+\tresp, err := http.Get(url)"), "without timeout");
    }

    [Fact]
    public void Python_services()
    {
        string route = "+@router.get(\"/accounts/{account_id}/invoices\")\n+def list_invoices(\n+    account_id: int,\n+):\n+    return db.query(Invoice).filter(Invoice.account_id == account_id).all()";
        Has(Diff("app/api/invoices.py", route), "list endpoint returns every row of a query without limit");
        HasNot(Diff("app/api/invoices.py", route.Replace(".all()", ".limit(50).all()", StringComparison.Ordinal)), "list endpoint");

        string transaction = "+    with session.begin():\n+        for order in orders:\n+            resp = warehouse_client.post(\"/in\", json=order, timeout=10)";
        Has(Diff("app/services/f.py", transaction), "external HTTP call made inside an open database transaction");
        HasNot(Diff("app/services/f.py", "+    with session.begin():\n+        order.status = 'sent'\n+    resp = warehouse_client.post(\"/in\", json=order, timeout=10)"), "transaction");

        string loop = "+    for order in orders:\n+        lines = [item.sku for item in order.items]";
        Has(Diff("app/services/f.py", loop), "relationship lazy-loaded inside a loop");
        HasNot(Diff("app/services/f.py", "+    orders = session.query(Order).options(selectinload(Order.items)).all()\n" + loop), "lazy-loaded");

        Has(Diff("app/sessions.py", "+from redis import Redis\n+    await self._client.set(key, payload)"), "Redis key written without TTL");
        HasNot(Diff("app/sessions.py", "+from redis import Redis\n+    await self._client.set(key, payload, ex=3600)"), "Redis key");

        Has(Diff("app/reports.py", "+    rows = conn.execute(f\"SELECT * FROM invoices WHERE id = {invoice_id}\")"), "SQL query built with an f-string");
        Assert.Contains("SQL with bound parameters", Facts(Diff("app/reports.py", "        WHERE account_id = :account_id\n+          AND status <> 'void'"), remedies: true));

        string webhook = "+@router.post(\"/webhooks/parcelly\")\n+async def parcelly_webhook(request: Request):\n+    payload = await request.json()\n+    db.commit()\n+    notify_customer(payload)\n+    return {}";
        Has(Diff("app/api/webhooks.py", webhook), "incoming webhook request accepted without verifying signature");
        Has(Diff("app/api/webhooks.py", webhook), "webhook handler does the work synchronously");
        HasNot(Diff("app/api/webhooks.py", webhook.Replace("    db.commit()", "    verify_signature(request)", StringComparison.Ordinal).Replace("notify_customer(payload)", "background_tasks.add_task(handle, payload)", StringComparison.Ordinal)), "webhook");
    }
}
