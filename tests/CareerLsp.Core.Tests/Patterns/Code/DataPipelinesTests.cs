namespace CareerLsp.Core.Tests.Patterns;

/// <summary>The DataPipelines detectors (server/CareerLsp.Core/Domain/Library/Code/Detectors/DataPipelines.cs).</summary>
public sealed partial class CodeFactsTests
{
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
}
