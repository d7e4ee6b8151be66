using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Core.Rules;

/// <summary>
/// A check: the <see cref="RuleDescriptor"/> that names it (from <see cref="RuleCatalog"/>) and the
/// code that reads a document and reports. Each rule lives in its own file, one folder per kind of
/// document, and is listed in the engine's <c>RuleRegistry</c>.
/// </summary>
public abstract class Rule(RuleDescriptor descriptor)
{
    public RuleDescriptor Descriptor { get; } = descriptor;

    public string Id => Descriptor.Id;

    public string Slug => Descriptor.Slug;

    public abstract void Check(RuleContext context);

    public override string ToString() => Descriptor.ToString();
}
