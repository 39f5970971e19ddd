using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Inputs;
using ParIndex.Core.Scoring;
using ParIndex.Data.Tabular;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Results.Pages.Admin;

/// <summary>
/// A unit's final inputs for a year, one small form per scored node of its framework, saved through
/// <see cref="ScoreEntryService.SetAsync"/> (checked against the framework and audited). A refused input is shown
/// again as typed, with the message beside the field.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ScoreEntryModel(ScoreEntryService scores, AppraisalCouncil.CouncilLock councilLock) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? SavedNode { get; set; }

    [BindProperty] public string? Node { get; set; }
    [BindProperty] public string? Points { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? Numerator { get; set; }
    [BindProperty] public string? Denominator { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public bool NotApplicable { get; set; }

    public int Year { get; private set; }
    public string UnitCode { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public string BlockCode { get; private set; } = "";
    public FrameworkDefinition? Framework { get; private set; }
    public IReadOnlyDictionary<string, ScoreDto> Current { get; private set; } = new Dictionary<string, ScoreDto>();

    /// <summary>The node whose submitted form was refused; its fields show what was typed.</summary>
    public string? ErrorNode { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(int year, string unit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, unit, cancellationToken))
            return NotFoundPage();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, string unit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, unit, cancellationToken))
            return NotFoundPage();
        var node = Framework!.Leaves().FirstOrDefault(n => n.Code == Node);
        if (node is null)
        {
            Errors.Add("nodeCode", T($"Bộ tiêu chí không có tiêu chí được chấm mã '{Node}'.", $"The framework has no scored criterion '{Node}'."));
            return Refused();
        }
        ErrorNode = node.Code;
        var input = Parse(node);
        if (Errors.Any || input is null)
            return Refused();
        // A year the council has finalised keeps its scores until an administrator reopens it.
        if (await councilLock.RefuseIfFinalisedAsync(year, cancellationToken) is { } locked)
        {
            Errors.Merge(locked);
            return Refused();
        }
        var outcome = await scores.SetAsync(year, unit, node.Code, input, Actor.Of(User), cancellationToken);
        if (!outcome.Succeeded)
        {
            Errors.Merge(outcome.Problems);
            if (!Errors.Any)
                Errors.Add("nodeCode", T("Không lưu được.", "Could not be saved."));
            return Refused();
        }
        Message = T(
            $"Đã lưu tiêu chí {node.Code} ({InputText(input)}). Kết quả cần được tính lại để phản ánh thay đổi.",
            $"Criterion {node.Code} saved ({InputText(input)}). Results need to be computed again to reflect the change.");
        SavedNode = node.Code;
        return RedirectToPage(null, null, new { year, unit }, "node-" + node.Code);
    }

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private IActionResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<bool> LoadAsync(int year, string unit, CancellationToken cancellationToken)
    {
        Year = year;
        UnitCode = unit;
        var context = await scores.ContextAsync(year, unit, cancellationToken);
        if (context is null)
            return false;
        var (found, blockCode, framework) = context.Value;
        UnitName = UiLanguage.IsEnglish && !string.IsNullOrWhiteSpace(found.NameEn) ? found.NameEn : found.NameVi;
        BlockCode = blockCode;
        Framework = framework;
        Current = (await scores.ListAsync(year, unit, cancellationToken)).ToDictionary(s => s.NodeCode);
        return true;
    }

    /// <summary>The input the form describes, for the kind of input the node's method takes; null with errors when a number does not parse.</summary>
    private LeafInput? Parse(FrameworkNode node)
    {
        var source = string.IsNullOrWhiteSpace(Source) ? null : Source.Trim();
        if (NotApplicable)
            return LeafInput.NotApplicableInput with { Source = source };
        decimal? Number(string field, string? text, string label)
        {
            if (string.IsNullOrWhiteSpace(text))
                return null;
            if (Cells.TryDecimal(text, out var value))
                return value;
            Errors.Add(field, T($"{label} '{text}' không phải là số.", $"{label} '{text}' is not a number."));
            return null;
        }
        return LeafInputValidator.ExpectedKind(node.Method) switch
        {
            InputKind.Level => new LeafInput { Kind = InputKind.Level, Level = string.IsNullOrWhiteSpace(Level) ? null : Level.Trim(), Source = source },
            InputKind.Ratio => new LeafInput
            {
                Kind = InputKind.Ratio,
                Numerator = Number("numerator", Numerator, T("Tử số", "The numerator")),
                Denominator = Number("denominator", Denominator, T("Mẫu số", "The denominator")),
                Source = source,
            },
            InputKind.Value => new LeafInput { Kind = InputKind.Value, Value = Number("value", Value, T("Giá trị", "The value")), Source = source },
            _ => new LeafInput { Kind = InputKind.Points, Points = Number("points", Points, T("Điểm", "The points")), Source = source },
        };
    }

    /// <summary>The value a field of a node's form shows: what was typed when that form was refused, else the stored input.</summary>
    public string? FieldValue(string nodeCode, string field)
    {
        if (ErrorNode == nodeCode)
            return field switch
            {
                "points" => Points,
                "level" => Level,
                "numerator" => Numerator,
                "denominator" => Denominator,
                "value" => Value,
                "source" => Source,
                _ => null,
            };
        if (!Current.TryGetValue(nodeCode, out var stored))
            return null;
        return field switch
        {
            "points" => Show(stored.Points),
            "level" => stored.Level,
            "numerator" => Show(stored.Numerator),
            "denominator" => Show(stored.Denominator),
            "value" => Show(stored.Value),
            "source" => stored.Source,
            _ => null,
        };
    }

    public bool IsNotApplicable(string nodeCode) =>
        ErrorNode == nodeCode ? NotApplicable : Current.TryGetValue(nodeCode, out var stored) && stored.Kind == InputKind.NotApplicable;

    /// <summary>Errors of a field are shown only in the form that was refused.</summary>
    public FormErrors ErrorsFor(string nodeCode) => ErrorNode == nodeCode ? Errors : Empty;

    private static readonly FormErrors Empty = new();

    private static string? Show(decimal? value) => value?.ToString("0.####", CultureInfo.CurrentCulture);

    public static string InputText(LeafInput input) => input.Kind switch
    {
        InputKind.Points => T($"{Show(input.Points)} điểm", $"{Show(input.Points)} points"),
        InputKind.Level => T($"mức {input.Level}", $"level {input.Level}"),
        InputKind.Ratio => $"{Show(input.Numerator)}/{Show(input.Denominator)}",
        InputKind.Value => T($"giá trị {Show(input.Value)}", $"value {Show(input.Value)}"),
        _ => T("không phát sinh", "not applicable"),
    };

    public static string StoredText(ScoreDto score) => InputText(new LeafInput
    {
        Kind = score.Kind, Points = score.Points, Level = score.Level, Numerator = score.Numerator, Denominator = score.Denominator, Value = score.Value,
    });

    public static string MethodText(FrameworkNode node) => node.Method switch
    {
        ManualMethod { Step: { } step } when step > 0 => T($"Chấm điểm trực tiếp, bước {Text.Number(step, 2)}", $"Points entered, step {Text.Number(step, 2)}"),
        ManualMethod => node.Kind switch
        {
            NodeKind.Bonus => T("Điểm thưởng", "Bonus points"),
            NodeKind.Penalty => T("Điểm trừ", "Penalty points"),
            _ => T("Chấm điểm trực tiếp", "Points entered"),
        },
        RubricMethod => T("Chọn mức đánh giá", "Choose a level"),
        RatioMethod => T("Tỷ lệ: tử số / mẫu số", "Ratio: numerator / denominator"),
        MetricMethod metric => T($"Chỉ số từ dữ liệu ({metric.Metric})", $"Metric from data ({metric.Metric})"),
        SurveyMethod survey => T($"Tỷ lệ hài lòng từ khảo sát ({survey.Survey}), %", $"Satisfaction share from a survey ({survey.Survey}), %"),
        null => node.Kind == NodeKind.Penalty ? T("Điểm trừ", "Penalty points") : T("Chấm điểm trực tiếp", "Points entered"),
        _ => node.Method.TypeName,
    };
}
