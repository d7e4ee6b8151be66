namespace CareerLsp.Core.Tests.Patterns;

/// <summary>The Kubernetes detectors (server/CareerLsp.Core/Domain/Library/Code/Detectors/Kubernetes.cs).</summary>
public sealed partial class CodeFactsTests
{
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
}
