using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.AppraisalCouncil;

/// <summary>
/// Once the council has finalised a year, its scores do not change until an administrator reopens it. Every writer of
/// a year's scores asks here first (the council's overrides, the administrator's final inputs; an upheld appeal is
/// the one deliberate exception, and publishes a correction).
/// </summary>
public sealed class CouncilLock(AppDbContext db)
{
    /// <summary>Null when the year's scores may change; otherwise the problem to show (field "year").</summary>
    public Task<Problems?> RefuseIfFinalisedAsync(int year, CancellationToken cancellationToken = default) => RefusalAsync(db, year, cancellationToken);

    internal static async Task<Problems?> RefusalAsync(AppDbContext db, int year, CancellationToken cancellationToken)
    {
        var finalised = await db.CouncilYears.AsNoTracking().Where(y => y.Year == year && y.Status == CouncilYearStatus.Finalised)
            .Select(y => new { y.FinalisedAtUtc, Decision = y.Decision!.DecisionNumber }).FirstOrDefaultAsync(cancellationToken);
        return finalised is null ? null : Problems.Of("year", T(
            $"Năm {year} đã được hội đồng chốt lúc {DateTimeLocal(finalised.FinalisedAtUtc)} (quyết định {finalised.Decision}); điểm không thay đổi được nữa trừ khi quản trị viên mở lại.",
            $"The council finalised {year} at {DateTimeLocal(finalised.FinalisedAtUtc)} (decision {finalised.Decision}); scores cannot change unless an administrator reopens the year."));
    }

    /// <summary>Null unless the council has started on the year and not finalised it: its results would be in progress.</summary>
    public async Task<string?> UnfinishedAsync(int year, CancellationToken cancellationToken = default)
    {
        var status = await db.CouncilYears.AsNoTracking().Where(y => y.Year == year).Select(y => (CouncilYearStatus?)y.Status).FirstOrDefaultAsync(cancellationToken);
        return status == CouncilYearStatus.Deliberating
            ? T($"Hội đồng chưa chốt kết quả năm {year}: chưa công bố được.", $"The council has not finalised {year}: its results cannot be published yet.")
            : null;
    }
}
