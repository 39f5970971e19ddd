using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Units;

/// <summary>Creates, updates and lists units; every change is audited. Used by the API, the pages, the importer and the CLI.</summary>
public sealed partial class UnitService(AppDbContext db, AuditLog audit)
{
    public async Task<IReadOnlyList<Unit>> ListAsync(int? year = null, UnitKind? kind = null, CancellationToken cancellationToken = default)
    {
        var query = db.Units.AsNoTracking().Include(u => u.Parent).AsQueryable();
        if (kind is not null)
            query = query.Where(u => u.Kind == kind);
        var units = await query.ToListAsync(cancellationToken);
        return units
            .Where(u => year is null || u.IsValidIn(year.Value))
            .OrderBy(u => u.NameVi, VietnameseText.Comparer)
            .ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
    }

    public Task<Unit?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        db.Units.Include(u => u.Parent).FirstOrDefaultAsync(u => u.Code == code, cancellationToken);

    /// <summary>Checks a unit's fields; <paramref name="knownParentCodes"/> lets an import accept parents defined in the same file.</summary>
    public Problems Validate(UnitDto input, ISet<string>? knownParentCodes = null, string prefix = "")
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(input.Code))
            problems.Add(prefix + "code", T("Mã đơn vị là bắt buộc.", "The unit code is required."));
        else if (!CodePattern().IsMatch(input.Code))
            problems.Add(prefix + "code", T($"Mã đơn vị '{input.Code}' chỉ gồm chữ, số, '.', '-' hoặc '_' (tối đa 32 ký tự).", $"Unit code '{input.Code}' may hold only letters, digits, '.', '-' or '_' (at most 32)."));
        if (string.IsNullOrWhiteSpace(input.NameVi))
            problems.Add(prefix + "nameVi", T("Tên tiếng Việt là bắt buộc.", "The Vietnamese name is required."));
        else if (input.NameVi.Length > 256)
            problems.Add(prefix + "nameVi", T("Tên tối đa 256 ký tự.", "The name may have at most 256 characters."));
        if (input.NameEn is { Length: > 256 })
            problems.Add(prefix + "nameEn", T("Tên tối đa 256 ký tự.", "The name may have at most 256 characters."));
        if (!Enum.IsDefined(input.Kind))
            problems.Add(prefix + "kind", T("Loại đơn vị không hợp lệ.", "Unknown unit kind."));
        if (input.ValidTo is { } to && to < input.ValidFrom)
            problems.Add(prefix + "validTo", T($"Ngày hết hiệu lực ({Date(to)}) trước ngày bắt đầu ({Date(input.ValidFrom)}).", $"The end date ({Date(to)}) is before the start date ({Date(input.ValidFrom)})."));
        if (input.ParentCode is { } parent && parent == input.Code)
            problems.Add(prefix + "parentCode", T("Đơn vị không thể là đơn vị cha của chính nó.", "A unit cannot be its own parent."));
        else if (input.ParentCode is { } p && knownParentCodes is not null && !knownParentCodes.Contains(p))
            problems.Add(prefix + "parentCode", T($"Không có đơn vị cha mã '{p}'.", $"There is no parent unit with code '{p}'."));
        return problems;
    }

    /// <summary>Creates the unit, or updates the one with the same code.</summary>
    public async Task<Outcome<Unit>> SaveAsync(UnitDto input, string actor, CancellationToken cancellationToken = default)
    {
        var parentCodes = input.ParentCode is null
            ? null
            : new HashSet<string>(await db.Units.Where(u => u.Code == input.ParentCode).Select(u => u.Code).ToListAsync(cancellationToken));
        var problems = Validate(input, parentCodes);
        if (problems.Any)
            return problems;
        var unit = await UpsertAsync(input, actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Unit>.Ok(unit);
    }

    /// <summary>Stages a create or update (and its audit entry) without saving; the caller saves once for many rows.</summary>
    internal async Task<Unit> UpsertAsync(UnitDto input, string actor, CancellationToken cancellationToken)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == input.Code, cancellationToken)
                   ?? db.Units.Local.FirstOrDefault(u => u.Code == input.Code);
        var old = unit is null ? null : AuditLog.Json(Snapshot(unit));
        if (unit is null)
        {
            unit = new Unit { Code = input.Code, NameVi = input.NameVi };
            db.Units.Add(unit);
        }
        unit.NameVi = input.NameVi.Trim();
        unit.NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? null : input.NameEn.Trim();
        unit.Kind = input.Kind;
        unit.ValidFrom = input.ValidFrom;
        unit.ValidTo = input.ValidTo;
        unit.Parent = input.ParentCode is null
            ? null
            : await db.Units.FirstOrDefaultAsync(u => u.Code == input.ParentCode, cancellationToken) ?? db.Units.Local.First(u => u.Code == input.ParentCode);
        var updated = AuditLog.Json(Snapshot(unit));
        if (old != updated)
            audit.Record(actor, old is null ? "unit.created" : "unit.updated", "unit", unit.Code, old, updated);
        return unit;
    }

    private static object Snapshot(Unit unit) => new
    {
        unit.Code, unit.NameVi, unit.NameEn, Kind = unit.Kind.ToString(), unit.ValidFrom, unit.ValidTo, Parent = unit.Parent?.Code,
    };

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex CodePattern();
}
