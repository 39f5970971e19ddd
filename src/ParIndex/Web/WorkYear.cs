using Microsoft.EntityFrameworkCore;
using ParIndex.Data;

namespace ParIndex.Web;

/// <summary>
/// The campaign year the navigation links point at for signed-in staff: the latest year with a campaign phase,
/// else the latest year with blocks, else the current year in Vietnam.
/// </summary>
public sealed class WorkYear(AppDbContext db, TimeProvider clock)
{
    public async Task<int> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var phaseYear = await db.CampaignPhases.Select(p => (int?)p.Year).MaxAsync(cancellationToken);
        if (phaseYear is { } year)
            return year;
        return await db.Blocks.Select(b => (int?)b.Year).MaxAsync(cancellationToken)
               ?? Core.Calendar.VietnamTime.LocalDate(clock.GetUtcNow()).Year;
    }
}
