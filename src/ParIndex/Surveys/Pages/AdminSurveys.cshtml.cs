using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Core.Surveys;
using ParIndex.Data.Tabular;
using ParIndex.Surveys.Counters;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Surveys.Pages;

/// <summary>Survey administration: campaigns, questionnaires and their versions, counters and their device keys.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminSurveysModel(CampaignService campaigns, QuestionnaireService questionnaires, CounterService counters, SurveyFeedService feed) : PageModel
{
    public IReadOnlyList<CampaignDto> Campaigns { get; private set; } = [];
    public IReadOnlyList<QuestionnaireDto> Questionnaires { get; private set; } = [];
    public IReadOnlyList<CounterDto> Counters { get; private set; } = [];
    public FormErrors Errors { get; } = new();
    public IssuedDeviceKey? IssuedKey { get; private set; }
    public FeedReport? CounterFeed { get; private set; }
    [TempData] public string? Message { get; set; }

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? NameVi { get; set; }
    [BindProperty] public string? Questionnaire { get; set; }
    [BindProperty] public int Year { get; set; } = DateTime.UtcNow.Year;
    [BindProperty] public string? OpensOn { get; set; }
    [BindProperty] public string? ClosesOn { get; set; }
    [BindProperty] public string? Blocks { get; set; }
    [BindProperty] public int QuotaPerGroup { get; set; } = 30;
    [BindProperty] public int MinimumN { get; set; } = 30;
    [BindProperty] public FallbackKind Fallback { get; set; } = FallbackKind.BlockMean;
    [BindProperty] public string? SamplingFrame { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await questionnaires.EnsureTemplatesAsync(Actor.Of(User), cancellationToken);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var opens = UnitPageText.ParseDate(OpensOn);
        var closes = UnitPageText.ParseDate(ClosesOn);
        if (opens is null)
            Errors.Add("opensOn", T("Ngày bắt đầu viết dạng dd/MM/yyyy.", "Write the opening date as dd/MM/yyyy."));
        if (closes is null)
            Errors.Add("closesOn", T("Ngày kết thúc viết dạng dd/MM/yyyy.", "Write the closing date as dd/MM/yyyy."));
        if (!Errors.Any)
        {
            var blocks = (Blocks ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var created = await campaigns.CreateAsync(new CampaignInput(Code ?? "", NameVi ?? "", null, Questionnaire ?? "", null, Year, opens!.Value, closes!.Value,
                SamplingFrame, MinimumN, Fallback, null, blocks, QuotaPerGroup), Actor.Of(User), cancellationToken);
            if (created.Succeeded)
            {
                Message = T($"Đã tạo đợt khảo sát {created.Value!.Code}.", $"Campaign {created.Value!.Code} created.");
                return Redirect("/quan-tri/khao-sat/" + Uri.EscapeDataString(created.Value.Code));
            }
            Errors.Merge(created.Problems);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCounterAsync(string? counterCode, string? counterUnit, string? counterName, string? officer, CancellationToken cancellationToken)
    {
        var created = await counters.CreateAsync(new CounterInput(counterCode ?? "", counterUnit ?? "", counterName ?? "", officer), Actor.Of(User), cancellationToken);
        if (created.Succeeded)
            Message = T($"Đã tạo quầy {created.Value!.Code}.", $"Counter {created.Value!.Code} created.");
        else
        {
            foreach (var (field, messages) in created.Problems!.ToDictionary())
                foreach (var message in messages)
                    Errors.Add("counter." + field, message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostKeyAsync(string counter, string? deviceName, CancellationToken cancellationToken)
    {
        var issued = await counters.IssueDeviceKeyAsync(counter, deviceName ?? "", Actor.Of(User), cancellationToken);
        if (!issued.Succeeded)
            return NotFound();
        IssuedKey = issued.Value;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostFeedCounterAsync(int counterYear, CancellationToken cancellationToken)
    {
        var outcome = await feed.FeedCounterYearAsync(counterYear, MinimumSampleRule.Default, Actor.Of(User), cancellationToken);
        CounterFeed = outcome.Value;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Largest questionnaire file accepted from the page: the SIPAS template is about 20 KB.</summary>
    public const long MaxQuestionnaireBytes = 1024 * 1024;

    /// <summary>A new version of a questionnaire from a JSON file (the format of docs/surveys.md, as the API takes it).</summary>
    public async Task<IActionResult> OnPostQuestionnaireAsync(IFormFile? questionnaireFile, CancellationToken cancellationToken)
    {
        const string field = "questionnaireFile";
        if (questionnaireFile is null || questionnaireFile.Length == 0)
            Errors.Add(field, T("Chọn tệp phiếu khảo sát (.json).", "Choose a questionnaire file (.json)."));
        else if (questionnaireFile.Length > MaxQuestionnaireBytes)
            Errors.Add(field, T($"Tệp lớn hơn {MaxQuestionnaireBytes / 1024} KB.", $"The file is larger than {MaxQuestionnaireBytes / 1024} KB."));
        else if (!questionnaireFile.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            Errors.Add(field, T("Tệp phải là JSON (.json).", "The file must be JSON (.json)."));
        else
        {
            string text;
            using (var reader = new StreamReader(questionnaireFile.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
                text = await reader.ReadToEndAsync(cancellationToken);
            var definition = Core.Surveys.QuestionnaireDefinition.FromJson(text, out var error);
            if (definition is null)
                Errors.Add(field, T($"Không đọc được tệp: {error}", $"The file could not be read: {error}"));
            else
            {
                var saved = await questionnaires.SaveVersionAsync(definition, Actor.Of(User), cancellationToken);
                if (saved.Succeeded)
                {
                    Message = T($"Đã lưu phiếu {saved.Value!.Code}, phiên bản {saved.Value.Version}.", $"Questionnaire {saved.Value!.Code} saved as version {saved.Value.Version}.");
                    return RedirectToPage(null, null, null, "phieu");
                }
                foreach (var line in saved.Problems?.Lines() ?? [])
                    Errors.Add(field, line);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Campaigns = await campaigns.ListAsync(cancellationToken: cancellationToken);
        Questionnaires = await questionnaires.ListAsync(cancellationToken);
        Counters = await counters.ListAsync(cancellationToken);
    }

    public static string StateName(CampaignState state) => state switch
    {
        CampaignState.Upcoming => T("Sắp mở", "Upcoming"),
        CampaignState.Open => T("Đang thu thập", "Collecting"),
        _ => T("Đã kết thúc", "Closed"),
    };

    public static string FallbackName(FallbackKind fallback) => fallback switch
    {
        FallbackKind.BlockMean => T("Dùng bình quân khối", "Use the block mean"),
        FallbackKind.FullPoints => T("Tính 100 %", "Count as 100 %"),
        FallbackKind.Zero => T("Tính 0 %", "Count as 0 %"),
        _ => T("Vẫn dùng kết quả của đơn vị", "Use the unit's own value"),
    };
}
