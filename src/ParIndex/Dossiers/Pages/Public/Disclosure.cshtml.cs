using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Dossiers;
using ParIndex.Data;
using ParIndex.Web;
using ParIndex.Web.Charts;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers.Pages.Public;

/// <summary>
/// The monthly public disclosure of one-stop dossier handling (DOMAIN.md §6, seed 001): per unit and for the city,
/// a table, a chart and CSV/XLSX downloads, for a month (default: the latest month with data), a quarter or a year.
/// With <c>don-vi</c>, one unit's months of the year.
/// </summary>
[AllowAnonymous]
public sealed class DisclosureModel(DossierIndicatorsQuery query, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ky")] public string? PeriodText { get; set; }
    [BindProperty(SupportsGet = true, Name = "don-vi")] public string? UnitCode { get; set; }

    public DossierPeriod Period { get; private set; }
    public DisclosureTable? Table { get; private set; }
    public UnitIndicators? Unit { get; private set; }
    public IReadOnlyList<(DossierPeriod Month, DossierIndicators Indicators)> Months { get; private set; } = [];
    public IReadOnlyList<DossierPeriod> Choices { get; private set; } = [];
    public bool HasData { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } problem)
            return problem;
        if (UnitCode is not null)
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == UnitCode, cancellationToken);
            if (unit is null)
                return NotFound();
            Unit = new UnitIndicators(unit.Id, unit.Code, unit.NameVi, unit.NameEn, await query.UnitAsync(unit.Id, Period, cancellationToken));
            Months = await query.MonthsAsync(Period.Year, unit.Id, cancellationToken);
        }
        else
            Table = await query.DisclosureAsync(Period, cancellationToken);
        return Page();
    }

    /// <summary>The disclosure table of the period as CSV (<c>?handler=export&amp;format=csv</c>) or XLSX.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } problem)
            return problem;
        bool xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        var table = await query.DisclosureAsync(Period, cancellationToken);
        var stream = new MemoryStream();
        await DossierDisclosureExport.WriteAsync(table, xlsx, stream, UiLanguage.Current, cancellationToken);
        stream.Position = 0;
        return File(stream, DossierDisclosureExport.ContentType(xlsx), DossierDisclosureExport.FileName(table, xlsx));
    }

    private async Task<IActionResult?> ResolveAsync(CancellationToken cancellationToken)
    {
        var range = await db.DossierReceivedStats.Where(s => s.Received > 0).GroupBy(_ => 1).Select(g => new { Min = g.Min(s => s.ReceivedMonth), Max = g.Max(s => s.ReceivedMonth) }).FirstOrDefaultAsync(cancellationToken);
        HasData = range is not null;
        var latest = range is null ? DossierPeriod.Month(DateTime.UtcNow.Year, DateTime.UtcNow.Month) : DossierPeriod.Month(range.Max / 100, range.Max % 100);
        if (string.IsNullOrWhiteSpace(PeriodText))
            Period = latest;
        else if (DossierPeriod.TryParse(PeriodText, out var parsed))
            Period = parsed;
        else
            return BadRequest(T("Kỳ phải có dạng 2025-03, 2025-Q1 hoặc 2025.", "The period must look like 2025-03, 2025-Q1 or 2025."));
        var firstYear = range is null ? latest.Year : range.Min / 100;
        var lastYear = range is null ? latest.Year : range.Max / 100;
        var choices = new List<DossierPeriod>();
        for (int year = lastYear; year >= firstYear; year--)
        {
            choices.Add(DossierPeriod.WholeYear(year));
            for (int q = 4; q >= 1; q--)
                choices.Add(DossierPeriod.Quarter(year, q));
            for (int m = 12; m >= 1; m--)
                if (year * 100 + m <= (range?.Max ?? int.MaxValue))
                    choices.Add(DossierPeriod.Month(year, m));
        }
        if (!choices.Contains(Period))
            choices.Insert(0, Period);
        Choices = choices;
        return null;
    }

    public string PeriodLabel => T(Period.LabelVi, Period.LabelEn);

    public string ExportPath(string format) =>
        $"/cong-khai/ho-so?handler=export&format={format}&ky={Uri.EscapeDataString(Period.Key)}";

    /// <summary>On-time rate bands for the bar colours; the value is always written next to the bar.</summary>
    public static string Band(decimal? rate) => rate switch
    {
        null => "neutral",
        >= 98 => "excellent",
        >= 95 => "good",
        >= 90 => "fair",
        >= 80 => "average",
        >= 70 => "weak",
        _ => "poor",
    };

    public BarChartModel UnitsChart() => new(
        "disclosure-chart",
        T($"Tỷ lệ hồ sơ giải quyết đúng hạn theo đơn vị, {Period.LabelVi}", $"Dossiers settled on time by unit, {Period.LabelEn}"),
        T("Mỗi thanh là một đơn vị; số bên phải là tỷ lệ đúng hạn (%). Xếp từ thấp đến cao.", "One bar per unit; the number on the right is the on-time rate (%). Lowest first."),
        Table!.Units.Where(u => u.Indicators.OnTimeRate is not null).OrderBy(u => u.Indicators.OnTimeRate)
            .Select(u => new BarItem(u.UnitName, Math.Round(u.Indicators.OnTimeRate!.Value, 2), Band(u.Indicators.OnTimeRate))).ToList())
    {
        AxisLabel = T("Tỷ lệ đúng hạn (%)", "On-time rate (%)"),
        Reference = Table.City.OnTimeRate is { } city ? Math.Round(city, 2) : null,
        ReferenceLabel = T("Toàn thành phố", "City"),
    };

    public BarChartModel MonthsChart() => new(
        "unit-months-chart",
        T($"Tỷ lệ đúng hạn theo tháng, {Unit!.UnitNameVi}, năm {Period.Year}", $"On-time rate by month, {Unit!.UnitName}, {Period.Year}"),
        T("Mỗi thanh là một tháng; số bên phải là tỷ lệ đúng hạn (%).", "One bar per month; the number on the right is the on-time rate (%)."),
        Months.Where(m => m.Indicators.OnTimeRate is not null)
            .Select(m => new BarItem(T(m.Month.LabelVi, m.Month.LabelEn), Math.Round(m.Indicators.OnTimeRate!.Value, 2), Band(m.Indicators.OnTimeRate))).ToList())
    {
        AxisLabel = T("Tỷ lệ đúng hạn (%)", "On-time rate (%)"),
    };
}
