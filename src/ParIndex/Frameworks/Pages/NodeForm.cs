using ParIndex.Core.Frameworks;

namespace ParIndex.Frameworks.Pages;

/// <summary>
/// The node editor's form: every field as the text typed, read through <see cref="NodeFields"/> so the
/// editor accepts exactly what the workbook accepts (decimal comma, levels and brackets one per line).
/// </summary>
public sealed class NodeForm
{
    public string? Code { get; set; }
    public string? Parent { get; set; }
    /// <summary>1-based position among the siblings; empty keeps the node where it is (or appends a new one).</summary>
    public string? Position { get; set; }
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? TitleEn { get; set; }
    public string? Max { get; set; }
    public string? Method { get; set; }
    public string? Step { get; set; }
    public string? Levels { get; set; }
    public string? LevelsEn { get; set; }
    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    public string? Metric { get; set; }
    public string? Mode { get; set; }
    public string? Threshold { get; set; }
    public string? Brackets { get; set; }
    public string? NotApplicable { get; set; }
    public bool Evidence { get; set; }
    public string? LeadAgency { get; set; }
    public string? LegalBasis { get; set; }
    public string? Guidance { get; set; }
    public string? GuidanceEn { get; set; }

    /// <summary>The draft's stamp when the form was opened; a save with an older stamp is refused.</summary>
    public Guid Stamp { get; set; }

    /// <summary>Set the parent groups' maxima to the sum of their children after the change.</summary>
    public bool SumUp { get; set; } = true;

    public static string KindValue(NodeKind kind) => kind.ToString().ToLowerInvariant();

    public static NodeForm From(FrameworkNode node, string? parent, Guid stamp)
    {
        var fields = NodeFields.From(node, parent, "\n");
        return new NodeForm
        {
            Code = node.Code,
            Parent = parent,
            Kind = KindValue(node.Kind),
            Title = node.TitleVi,
            TitleEn = node.TitleEn,
            Max = FrameworkLabels.Points(node.MaxPoints),
            Method = node.Method?.TypeName,
            Step = node.Method is ManualMethod { Step: { } step } ? FrameworkLabels.Points(step) : null,
            Levels = fields[NodeField.Levels],
            LevelsEn = fields[NodeField.LevelsEn],
            Numerator = fields[NodeField.Numerator],
            Denominator = fields[NodeField.Denominator],
            Metric = fields[NodeField.Metric],
            Mode = fields[NodeField.Mode],
            Threshold = (node.Method switch { RatioMethod r => r.Rule, MetricMethod m => m.Rule, _ => null })?.Threshold is { } t ? FrameworkLabels.Points(t) : null,
            Brackets = fields[NodeField.Brackets],
            NotApplicable = FrameworkCellText.NotApplicable(node.NotApplicable),
            Evidence = node.EvidenceRequired,
            LeadAgency = node.LeadAgencyCode,
            LegalBasis = node.LegalBasis,
            Guidance = node.GuidanceVi,
            GuidanceEn = node.GuidanceEn,
            Stamp = stamp,
        };
    }

    public NodeFields ToFields() => new()
    {
        [NodeField.Code] = Code,
        [NodeField.Parent] = Parent,
        [NodeField.Kind] = Kind,
        [NodeField.Title] = Title,
        [NodeField.TitleEn] = TitleEn,
        [NodeField.Max] = Max,
        [NodeField.Method] = Method,
        [NodeField.Step] = Step,
        [NodeField.Levels] = Levels,
        [NodeField.LevelsEn] = LevelsEn,
        [NodeField.Numerator] = Numerator,
        [NodeField.Denominator] = Denominator,
        [NodeField.Metric] = Metric,
        [NodeField.Mode] = Mode,
        [NodeField.Threshold] = Threshold,
        [NodeField.Brackets] = Brackets,
        [NodeField.NotApplicable] = NotApplicable,
        [NodeField.Evidence] = Evidence ? "yes" : "no",
        [NodeField.LeadAgency] = LeadAgency,
        [NodeField.LegalBasis] = LegalBasis,
        [NodeField.Guidance] = Guidance,
        [NodeField.GuidanceEn] = GuidanceEn,
    };
}
