using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Calendar;
using ParIndex.Core.Calendar;
using ParIndex.Data.Tabular;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers.Pages.Procedures;

/// <summary>
/// The procedure form shared by the new and edit pages. Fields are bound as typed, so a refused form comes back
/// as it was sent, with each problem beside its field.
/// </summary>
public abstract class ProcedureFormModel(ProcedureService procedures) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? NameVi { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? ProcessingTime { get; set; }
    [BindProperty] public string? ProcessingUnit { get; set; }
    [BindProperty] public bool AfterCutOff { get; set; }
    [BindProperty] public bool FeeBearing { get; set; }
    [BindProperty] public string? OnlineLevel { get; set; }

    public FormErrors Errors { get; } = new();
    public IReadOnlyList<string> Sectors { get; private set; } = [];

    public abstract bool IsNew { get; }

    protected ProcedureService Procedures => procedures;

    protected async Task LoadSectorsAsync(CancellationToken cancellationToken) => Sectors = await procedures.SectorsAsync(cancellationToken);

    protected void Fill(Procedure p)
    {
        Code = p.Code;
        NameVi = p.NameVi;
        NameEn = p.NameEn;
        Sector = p.Sector;
        Level = p.Level.ToString();
        ProcessingTime = p.ProcessingTime.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
        ProcessingUnit = p.ProcessingUnit.ToString();
        AfterCutOff = p.AfterCutOffCountsNextDay;
        FeeBearing = p.FeeBearing;
        OnlineLevel = p.OnlineLevel.ToString();
    }

    /// <summary>Parses the typed text and saves through <see cref="ProcedureService.SaveAsync"/>; null with <see cref="Errors"/> filled when refused.</summary>
    protected async Task<Procedure?> TrySaveAsync(string code, CancellationToken cancellationToken)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        decimal? time = null;
        if (!string.IsNullOrWhiteSpace(ProcessingTime))
        {
            if (Cells.TryDecimal(ProcessingTime, out var t))
                time = t;
            else
            {
                Errors.Add("processingTime", T($"'{ProcessingTime}' không phải là số.", $"'{ProcessingTime}' is not a number."));
                own.Add("processingTime");
            }
        }
        var level = Enum.TryParse<ProcedureLevel>(Level, out var l) && Enum.IsDefined(l) ? l : ProcedureLabels.ParseLevel(Level);
        var unit = Enum.TryParse<DeadlineUnit>(ProcessingUnit, out var u) && Enum.IsDefined(u) ? u : CalendarInput.ParseUnit(ProcessingUnit);
        var online = Enum.TryParse<OnlineLevel>(OnlineLevel, out var o) && Enum.IsDefined(o) ? o : ProcedureLabels.ParseOnline(OnlineLevel) ?? Dossiers.OnlineLevel.None;
        var input = new ProcedureInput(code, NameVi ?? "", NameEn, Sector ?? "", level, time, unit, AfterCutOff, FeeBearing, online);
        var saved = await procedures.SaveAsync(input, Actor.Of(User), cancellationToken);
        if (saved.Succeeded && !Errors.Any)
            return saved.Value;
        Errors.Merge(saved.Problems, own);
        return null;
    }
}
