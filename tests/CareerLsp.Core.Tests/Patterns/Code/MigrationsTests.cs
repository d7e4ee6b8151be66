namespace CareerLsp.Core.Tests.Patterns;

/// <summary>The Migrations detectors (server/CareerLsp.Core/Domain/Library/Code/Detectors/Migrations.cs).</summary>
public sealed partial class CodeFactsTests
{
    [Fact]
    public void Migrations_read_the_upgrade_not_the_downgrade()
    {
        string migration = "+def upgrade():\n+    op.add_column('users', sa.Column('locale', sa.String()))\n+\n+def downgrade():\n+    op.drop_column('users', 'locale')";
        HasNot(Diff("alembic/versions/1_locale.py", migration, isNew: true), "drops");
        Has(Diff("alembic/versions/2_drop.py", "+def upgrade():\n+    op.drop_column('customers', 'phone')", isNew: true), "migration drops a column");
        Has(Diff("alembic/versions/3_idx.py", "+def upgrade():\n+    op.create_index('ix_orders_customer', 'orders', ['customer_id'])", isNew: true), "index created on a table without CONCURRENTLY");
        HasNot(Diff("alembic/versions/3_idx.py", "+def upgrade():\n+    op.create_index('ix', 'orders', ['customer_id'], postgresql_concurrently=True)", isNew: true), "index");
    }
}
