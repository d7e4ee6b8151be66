using CareerLsp.Core.Domain.Library;

namespace CareerLsp.Core.Tests.Patterns;

/// <summary>
/// Each fact detector on a change that has the problem and on a near miss that does not: the
/// near misses are where a word matcher went wrong (a timeout passed, a SHA-pinned action, an
/// ActionResult's <c>.Result</c>, a downgrade that drops what the upgrade added).
/// </summary>
public sealed class CodeFactsTests
{
    /// <summary>A file's diff: lines starting with '+' are added, '-' removed, anything else context.</summary>
    private static string Diff(string path, string body, bool isNew = false)
    {
        var lines = body.Replace("\r", "").Split('\n');
        int oldCount = lines.Count(l => !l.StartsWith('+')), newCount = lines.Count(l => !l.StartsWith('-'));
        var text = new System.Text.StringBuilder($"diff --git a/{path} b/{path}\n");
        if (isNew) text.Append("new file mode 100644\n--- /dev/null\n");
        else text.Append($"--- a/{path}\n");
        text.Append($"+++ b/{path}\n@@ -1,{oldCount} +1,{newCount} @@\n");
        foreach (var line in lines) text.Append(line.StartsWith('+') || line.StartsWith('-') ? line : " " + line).Append('\n');
        return text.ToString();
    }

    private static List<string> Facts(string diff, bool remedies = false) =>
        [.. ChangeEvidence.FromDiff(diff).Facts.Where(f => f.IsRemedy == remedies).Select(f => f.Display)];

    private static void Has(string diff, string fact) => Assert.Contains(Facts(diff), f => f.Contains(fact, StringComparison.Ordinal));

    private static void HasNot(string diff, string fact) => Assert.DoesNotContain(Facts(diff), f => f.Contains(fact, StringComparison.Ordinal));

    [Fact]
    public void An_http_call_without_a_timeout_and_with_one()
    {
        Has(Diff("app/shipping.py", "+    resp = requests.post(\n+        url,\n+        json=body,\n+    )"), "outbound HTTP request call to an external API without timeout");
        HasNot(Diff("app/shipping.py", "+    resp = requests.post(\n+        url,\n+        timeout=10,\n+    )"), "outbound HTTP");
        Has(Diff("cmd/api/client.go", "+\tresp, err := http.Get(url)"), "without timeout");
    }

    [Fact]
    public void A_secret_literal_and_things_that_only_look_like_one()
    {
        Has(Diff("k8s/deploy.yaml", "            - name: PAYMENTS_PRIVATE_KEY\n+              value: \"pk9Qm2Lr7Vx4Tb8Nc1Wd6Zs3Hy5Jf0GaE2uR\""), "secret credential key value committed in plain text");
        HasNot(Diff("k8s/deploy.yaml", "            - name: PAYMENTS_PRIVATE_KEY\n+              value: \"{{ .Values.payments.key }}\""), "secret");
        HasNot(Diff("k8s/deploy.yaml", "            - name: PAYMENTS_URL\n+              value: \"https://api.payments.example.com/v2\""), "secret");
        HasNot(Diff("app/settings.py", "+DEFAULT_TIMEOUT_SECONDS = \"thirty_seconds_for_all\""), "secret");
    }

    [Fact]
    public void Kubernetes_and_helm()
    {
        Has(Diff("k8s/app.yaml", "+        image: registry.acme.io/thumbnailer:latest"), "latest tag");
        Has(Diff("k8s/app.yaml", "+        image: registry.acme.io/thumbnailer"), "latest tag");
        HasNot(Diff("k8s/app.yaml", "+        image: registry.acme.io/thumbnailer:1.4.2"), "latest tag");
        Assert.Contains("image pinned to a digest", Facts(Diff("k8s/app.yaml", "+        image: registry.acme.io/t@sha256:abc"), remedies: true));

        string policy = "+kind: NetworkPolicy\n+spec:\n+  podSelector: {}\n+  policyTypes:\n+    - Egress";
        Has(Diff("k8s/np.yaml", policy, isNew: true), "default-deny NetworkPolicy blocks egress without allowing DNS");
        HasNot(Diff("k8s/np.yaml", policy + "\n+  egress:\n+    - ports:\n+        - port: 53", isNew: true), "NetworkPolicy");

        Has(Diff("charts/n/templates/deployment.yaml", "+          envFrom:\n+            - configMapRef:\n+                name: n-config"), "pods read a ConfigMap");
        HasNot(Diff("charts/n/templates/deployment.yaml", "      annotations:\n        checksum/config: {{ sha }}\n+          envFrom:\n+            - configMapRef:"), "ConfigMap");

        Has(Diff("charts/api/templates/deployment.yaml", "+  replicas: 2"), "Helm chart templates changed without chart version");
        HasNot(Diff("charts/api/templates/deployment.yaml", "+  replicas: 2") + Diff("charts/api/Chart.yaml", "-version: 1.2.0\n+version: 1.2.1"), "Helm chart templates");
    }

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

    [Fact]
    public void Migrations_read_the_upgrade_not_the_downgrade()
    {
        string migration = "+def upgrade():\n+    op.add_column('users', sa.Column('locale', sa.String()))\n+\n+def downgrade():\n+    op.drop_column('users', 'locale')";
        HasNot(Diff("alembic/versions/1_locale.py", migration, isNew: true), "drops");
        Has(Diff("alembic/versions/2_drop.py", "+def upgrade():\n+    op.drop_column('customers', 'phone')", isNew: true), "migration drops a column");
        Has(Diff("alembic/versions/3_idx.py", "+def upgrade():\n+    op.create_index('ix_orders_customer', 'orders', ['customer_id'])", isNew: true), "index created on a table without CONCURRENTLY");
        HasNot(Diff("alembic/versions/3_idx.py", "+def upgrade():\n+    op.create_index('ix', 'orders', ['customer_id'], postgresql_concurrently=True)", isNew: true), "index");
    }

    [Fact]
    public void React_and_typescript()
    {
        Has(Diff("src/Rows.tsx", "+          <Row key={index} line={line} />"), "list items keyed by array index");
        HasNot(Diff("src/Rows.tsx", "+          <Row key={line.id} line={line} />"), "keyed");
        Has(Diff("src/Card.tsx", "+    <div className={styles.card} onClick={() => navigate(url)}>"), "clickable div");
        HasNot(Diff("src/Card.tsx", "+    <button className={styles.card} onClick={() => navigate(url)}>"), "clickable");

        string effect = "+  useEffect(() => {\n+    fetch(`/api/search?q=${query}`)\n+      .then((res) => res.json())\n+      .then((data) => setResults(data.items as SearchResult[]));\n+  }, [query]);";
        Has(Diff("src/useSearch.ts", effect), "fetch request started in an effect without cancellation");
        Has(Diff("src/useSearch.ts", effect), "API response data cast with an as type assertion");
        HasNot(Diff("src/useSearch.ts", effect.Replace("fetch(`/api/search?q=${query}`)", "fetch(`/api/search?q=${query}`, { signal: controller.signal })", StringComparison.Ordinal)), "fetch request");

        string title = "+export function Title({ count, name }: Props) {\n+  useEffect(() => {\n+    document.title = `${count} ${name}`;\n+  }, [count]);";
        Has(Diff("src/Title.tsx", title), "useEffect reads a prop or state value (name) without dependency array");
        HasNot(Diff("src/Title.tsx", title.Replace("[count]", "[count, name]", StringComparison.Ordinal)), "useEffect reads");

        string query = "   return useQuery({\n     queryKey: ['orders', page],\n-    queryFn: () => api.listOrders({ page }),\n+    queryFn: () => api.listOrders({ page, status }),";
        Has(Diff("src/useOrders.ts", query), "queryKey, the queryFn uses a variable");
        HasNot(Diff("src/useOrders.ts", query.Replace("['orders', page]", "['orders', page, status]", StringComparison.Ordinal)), "queryKey");

        Has(Diff("package.json", "  \"dependencies\": {\n+    \"@testing-library/user-event\": \"^14.5.2\",\n     \"react\": \"^18.3.1\","), "tooling package added to dependencies");
        HasNot(Diff("package.json", "  \"devDependencies\": {\n+    \"@testing-library/user-event\": \"^14.5.2\",\n     \"vitest\": \"^1.0.0\","), "tooling");
        Has(Diff("src/Search.tsx", "+import _ from 'lodash';"), "whole library imported");
        HasNot(Diff("src/Search.tsx", "+import debounce from 'lodash/debounce';"), "whole library");

        // A test driven by fake timers, and a comment that mentions setTimeout, do not wait.
        HasNot(Diff("src/Toast.test.tsx", "+    // Toast uses setTimeout internally\n+    vi.useFakeTimers();\n+    await new Promise((r) => setTimeout(r, 10));"), "waits");
        Has(Diff("src/Toast.test.tsx", "+    await new Promise((r) => setTimeout(r, 4000));"), "test waits with a fixed sleep");
    }

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

    [Fact]
    public void Node_apis()
    {
        Has(Diff("src/reminders.ts", "+  users.forEach(async (user) => {"), "Array.forEach with an async callback");
        HasNot(Diff("src/reminders.ts", "+  for (const user of users) {"), "forEach");
        Has(Diff("src/reports.ts", "+  const sql = `SELECT * FROM orders WHERE region = '${region}'`;\n+  return this.prisma.$queryRawUnsafe(sql);"), "$queryRawUnsafe called with interpolated values");
        HasNot(Diff("src/reports.ts", "+  return this.prisma.$queryRaw`SELECT * FROM orders WHERE region = ${region}`;"), "$queryRawUnsafe");
        Has(Diff("src/users/users.controller.ts", "+    return this.prisma.user.findUnique({ where: { id } });"), "whole Prisma entity returned");
        HasNot(Diff("src/users/users.controller.ts", "+    return this.prisma.user.findUnique({ where: { id }, select: { id: true, email: true } });"), "whole Prisma entity");
        Has(Diff("src/queues.ts", "+export const pdfQueue = new Queue('pdf', { connection });"), "queue keeps completed and failed jobs forever");
        Has(Diff("package.json", "-    \"express\": \"^4.19.2\",\n+    \"express\": \"^5.0.0\","), "dependency bumped across a major version");
        HasNot(Diff("package.json", "-    \"express\": \"^4.19.2\",\n+    \"express\": \"^4.21.0\","), "major version");
        Has(Diff("package.json", "+    \"zod\": \"^3.23.0\","), "package.json changed without package-lock.json");
        HasNot(Diff("package.json", "+    \"zod\": \"^3.23.0\",") + Diff("package-lock.json", "+    \"node_modules/zod\": {"), "package.json changed");
    }

    [Fact]
    public void Data_pipelines()
    {
        Has(Diff("jobs/sessions.py", "+    pdf = sessions.toPandas()"), "whole dataset pulled to the driver");
        HasNot(Diff("jobs/sessions.py", "+    totals = (\n+        sessions.groupBy(\"country\")\n+        .agg(F.sum(\"seconds\"))\n+        .collect()\n+    )"), "whole dataset");
        Has(Diff("jobs/accounts.py", "+    df = pd.read_csv(path)"), "pandas read_csv without explicit dtypes");
        HasNot(Diff("jobs/accounts.py", "+    df = pd.read_csv(path, dtype={\"account_id\": str})"), "read_csv");
        Has(Diff("dags/export.py", "+from airflow import DAG\n+with DAG(\"export\", start_date=datetime(2022, 1, 1), schedule=\"@daily\") as dag:"), "new DAG with catchup enabled");
        HasNot(Diff("dags/export.py", "+from airflow import DAG\n+with DAG(\"export\", start_date=datetime(2022, 1, 1), catchup=False) as dag:"), "catchup");
        Has(Diff("dags/export.py", "+from airflow.models import Variable\n+PARTNERS = Variable.get(\"partners\")"), "top-level code in a DAG file");
        Has(Diff("models/marts/fct_payments.sql", "+{{ config(materialized='incremental') }}\n+select * from {{ ref('stg_payments') }}", isNew: true), "incremental model without unique_key");
        HasNot(Diff("models/marts/fct_payments.sql", "+{{ config(materialized='incremental', unique_key='payment_id') }}", isNew: true), "incremental model");
        Has(Diff("models/marts/fct_payments.sql", "+select 1 as id", isNew: true), "new model without tests");
        HasNot(Diff("models/marts/fct_payments.sql", "+select 1 as id", isNew: true) + Diff("models/marts/schema.yml", "+  - name: fct_payments"), "new model");
        Has(Diff("models/marts/orders.sql", "-    amount as order_amount,\n+    amount_usd as order_amount_usd,"), "column renamed or removed in a dbt model");
    }

    [Fact]
    public void Facts_have_the_path_and_new_side_line()
    {
        string diff = "diff --git a/app/s.py b/app/s.py\n--- a/app/s.py\n+++ b/app/s.py\n@@ -10,2 +20,3 @@ def f():\n     x = 1\n-    y = 2\n+    r = requests.get(url)\n+    z = 3\n";
        var fact = Assert.Single(ChangeEvidence.FromDiff(diff).Facts);
        Assert.Equal(("app/s.py", 21), (fact.Path, fact.Line));
    }
}
