namespace CareerLsp.Core.Tests.Patterns;

/// <summary>The Secrets detectors (server/CareerLsp.Core/Domain/Library/Code/Detectors/Secrets.cs).</summary>
public sealed partial class CodeFactsTests
{
    [Fact]
    public void A_secret_literal_and_things_that_only_look_like_one()
    {
        Has(Diff("k8s/deploy.yaml", "            - name: PAYMENTS_PRIVATE_KEY\n+              value: \"pk9Qm2Lr7Vx4Tb8Nc1Wd6Zs3Hy5Jf0GaE2uR\""), "secret credential key value committed in plain text");
        HasNot(Diff("k8s/deploy.yaml", "            - name: PAYMENTS_PRIVATE_KEY\n+              value: \"{{ .Values.payments.key }}\""), "secret");
        HasNot(Diff("k8s/deploy.yaml", "            - name: PAYMENTS_URL\n+              value: \"https://api.payments.example.com/v2\""), "secret");
        HasNot(Diff("app/settings.py", "+DEFAULT_TIMEOUT_SECONDS = \"thirty_seconds_for_all\""), "secret");
    }
}
