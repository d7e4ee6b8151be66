namespace CareerLsp.Core.Tests.Patterns;

/// <summary>The JavaScript detectors (server/CareerLsp.Core/Domain/Library/Code/Detectors/JavaScript.cs).</summary>
public sealed partial class CodeFactsTests
{
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
}
