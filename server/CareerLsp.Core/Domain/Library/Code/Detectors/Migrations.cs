namespace CareerLsp.Core.Domain.Library.Code;

/// <summary>Database migrations: dropped or renamed columns, indexes built without CONCURRENTLY.</summary>
internal static partial class CodeFacts
{
    // Where migrations live: "Migrations/", "alembic/versions/", "db/migrate/", "migrations.py".
    private static bool IsMigration(string path) =>
        path.Contains("migrat", StringComparison.OrdinalIgnoreCase) || path.Contains("alembic", StringComparison.Ordinal) || path.Contains("/versions/", StringComparison.Ordinal);

    // The added lines a migration runs forward. What it undoes when rolled back is not what it does:
    // Alembic writes downgrade() after upgrade(), EF Core Down() after Up().
    private static List<DiffLine> UpgradeLines(List<DiffLine> lines)
    {
        var upgrade = new List<DiffLine>();
        bool down = false;
        foreach (var line in lines)
        {
            if (line.IsNew && (line.Text.Contains("def downgrade", StringComparison.Ordinal) || line.Text.Contains(" Down(MigrationBuilder", StringComparison.Ordinal))) down = true;
            else if (line.IsNew && (line.Text.Contains("def upgrade", StringComparison.Ordinal) || line.Text.Contains(" Up(MigrationBuilder", StringComparison.Ordinal))) down = false;
            if (line.IsAdded && !down) upgrade.Add(line);
        }
        return upgrade;
    }

    private static void Migrations(Found found)
    {
        var file = found.File;
        var upgrade = UpgradeLines(found.Lines);
        bool adds = upgrade.Exists(l => l.Text.Contains("AddColumn", StringComparison.Ordinal) || l.Text.Contains("add_column(", StringComparison.Ordinal));
        foreach (var line in upgrade)
        {
            string text = line.Text;
            if (text.Contains("create_index(", StringComparison.Ordinal) || text.Contains("CREATE INDEX", StringComparison.OrdinalIgnoreCase) || text.Contains("CreateIndex(", StringComparison.Ordinal))
            {
                string around = file.Balanced(found.Lines.IndexOf(line), 0, limit: 10);
                if (!around.Contains("concurrently", StringComparison.OrdinalIgnoreCase)) found.Add("index created on a table", "CONCURRENTLY", line);
            }
            bool dropped = text.Contains("drop_column(", StringComparison.Ordinal) || text.Contains("DropColumn(", StringComparison.Ordinal) || text.Contains("DROP COLUMN", StringComparison.OrdinalIgnoreCase);
            bool renamed = text.Contains("alter_column(", StringComparison.Ordinal) && text.Contains("new_column_name", StringComparison.Ordinal) || text.Contains("RenameColumn(", StringComparison.Ordinal) || text.Contains("RENAME COLUMN", StringComparison.OrdinalIgnoreCase);
            if (dropped) found.Add("migration drops a column", "", line);
            if (renamed) found.Add("migration renames a column", "", line);
            if (dropped && adds)
                found.Add("migration drops a column and re-adds a column", "RenameColumn", line);
        }
    }
}
