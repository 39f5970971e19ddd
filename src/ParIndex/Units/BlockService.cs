using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Units;

/// <summary>Blocks (khối) per year and their members: each unit in at most one block of a year.</summary>
public sealed partial class BlockService(AppDbContext db, AuditLog audit)
{
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default) =>
        await db.Blocks.Select(b => b.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Block>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        var blocks = await db.Blocks.AsNoTracking().Include(b => b.Members).ThenInclude(m => m.Unit)
            .Where(b => b.Year == year).ToListAsync(cancellationToken);
        return blocks.OrderBy(b => b.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The blocks a unit has belonged to, newest year first (for the unit's page).</summary>
    public async Task<IReadOnlyList<Block>> OfUnitAsync(string unitCode, CancellationToken cancellationToken = default)
    {
        var blocks = await db.Blocks.AsNoTracking().Where(b => b.Members.Any(m => m.Unit!.Code == unitCode)).ToListAsync(cancellationToken);
        return blocks.OrderByDescending(b => b.Year).ThenBy(b => b.Code, StringComparer.Ordinal).ToList();
    }

    public Task<Block?> FindAsync(int year, string code, CancellationToken cancellationToken = default) =>
        db.Blocks.Include(b => b.Members).ThenInclude(m => m.Unit).FirstOrDefaultAsync(b => b.Year == year && b.Code == code, cancellationToken);

    public static BlockDto ToDto(Block block) => new(
        block.Year, block.Code, block.NameVi, block.NameEn, block.IsPublished,
        block.Members.Select(m => m.Unit!).OrderBy(u => u.NameVi, VietnameseText.Comparer).Select(u => u.Code).ToList());

    public async Task<Outcome<Block>> SaveAsync(int year, BlockInput input, string actor, CancellationToken cancellationToken = default)
    {
        var problems = new Problems()
            .AddIf(year is < 2000 or > 2100, "year", T("Năm phải trong khoảng 2000–2100.", "The year must be within 2000–2100."))
            .AddIf(string.IsNullOrWhiteSpace(input.Code) || !CodePattern().IsMatch(input.Code), "code", T("Mã khối gồm chữ, số, '-' hoặc '_' (tối đa 32 ký tự).", "A block code holds letters, digits, '-' or '_' (at most 32)."))
            .AddIf(string.IsNullOrWhiteSpace(input.NameVi), "nameVi", T("Tên khối là bắt buộc.", "The block name is required."));
        if (problems.Any)
            return problems;
        var block = await db.Blocks.FirstOrDefaultAsync(b => b.Year == year && b.Code == input.Code, cancellationToken);
        var old = block is null ? null : $"{block.NameVi} | {block.NameEn}";
        if (block is null)
        {
            block = new Block { Year = year, Code = input.Code, NameVi = input.NameVi };
            db.Blocks.Add(block);
        }
        block.NameVi = input.NameVi.Trim();
        block.NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? null : input.NameEn.Trim();
        audit.Record(actor, old is null ? "block.created" : "block.updated", "block", $"{year}/{input.Code}", old, $"{block.NameVi} | {block.NameEn}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Block>.Ok(block);
    }

    /// <summary>Replaces the members of a block; refuses unknown units, units not valid in the year, and units already in another block of the year.</summary>
    public async Task<Outcome<Block>> SetMembersAsync(int year, string code, IReadOnlyList<string> unitCodes, string actor, CancellationToken cancellationToken = default)
    {
        var block = await FindAsync(year, code, cancellationToken);
        if (block is null)
            return Outcome<Block>.Missing();
        var problems = new Problems();
        var wanted = unitCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var units = await db.Units.Where(u => wanted.Contains(u.Code)).ToDictionaryAsync(u => u.Code, cancellationToken);
        var elsewhere = await db.BlockMembers.Where(m => m.Year == year && m.BlockId != block.Id && wanted.Contains(m.Unit!.Code))
            .Select(m => new { m.Unit!.Code, Block = m.Block!.Code }).ToListAsync(cancellationToken);
        foreach (var unitCode in wanted)
        {
            if (!units.TryGetValue(unitCode, out var unit))
                problems.Add("unitCodes", T($"Không có đơn vị mã '{unitCode}'.", $"There is no unit with code '{unitCode}'."));
            else if (!unit.IsValidIn(year))
                problems.Add("unitCodes", T($"Đơn vị '{unitCode}' không còn hiệu lực trong năm {year}.", $"Unit '{unitCode}' is not valid in {year}."));
        }
        foreach (var clash in elsewhere)
            problems.Add("unitCodes", T($"Đơn vị '{clash.Code}' đã thuộc khối '{clash.Block}' năm {year}.", $"Unit '{clash.Code}' is already in block '{clash.Block}' of {year}."));
        if (problems.Any)
            return problems;

        var before = string.Join(",", block.Members.Select(m => m.Unit!.Code).Order(StringComparer.Ordinal));
        db.BlockMembers.RemoveRange(block.Members.Where(m => !wanted.Contains(m.Unit!.Code)));
        var existing = block.Members.Select(m => m.Unit!.Code).ToHashSet();
        foreach (var unitCode in wanted.Where(c => !existing.Contains(c)))
            db.BlockMembers.Add(new BlockMember { BlockId = block.Id, UnitId = units[unitCode].Id, Year = year });
        var after = string.Join(",", wanted.Order(StringComparer.Ordinal));
        if (before != after)
            audit.Record(actor, "block.members", "block", $"{year}/{code}", before, after);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Block>.Ok((await FindAsync(year, code, cancellationToken))!);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex CodePattern();
}
