using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Core.Lineage;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Units;

/// <summary>Unit successions (merge, split, rename) that carry results across years.</summary>
public sealed class LineageService(AppDbContext db, AuditLog audit)
{
    public async Task<IReadOnlyList<SuccessionDto>> ListAsync(string? unitCode = null, CancellationToken cancellationToken = default)
    {
        var query = db.Successions.AsNoTracking().AsQueryable();
        if (unitCode is not null)
            query = query.Where(s => s.Predecessor!.Code == unitCode || s.Successor!.Code == unitCode);
        return await query
            .OrderBy(s => s.EffectiveDate).ThenBy(s => s.Successor!.Code).ThenBy(s => s.Predecessor!.Code)
            .Select(s => new SuccessionDto(s.Id, s.Predecessor!.Code, s.Successor!.Code, s.EffectiveDate, s.Kind, s.Note))
            .ToListAsync(cancellationToken);
    }

    /// <summary>All edges in the domain's form, for the lineage resolver.</summary>
    public async Task<IReadOnlyList<Succession>> AllAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken: cancellationToken))
        .Select(s => new Succession(s.PredecessorCode, s.SuccessorCode, s.EffectiveDate, s.Kind))
        .ToList();

    public async Task<Outcome<SuccessionDto>> AddAsync(SuccessionInput input, string actor, CancellationToken cancellationToken = default)
    {
        var problems = new Problems();
        var predecessor = await db.Units.FirstOrDefaultAsync(u => u.Code == input.PredecessorCode, cancellationToken);
        var successor = await db.Units.FirstOrDefaultAsync(u => u.Code == input.SuccessorCode, cancellationToken);
        problems.AddIf(predecessor is null, "predecessorCode", T($"Không có đơn vị mã '{input.PredecessorCode}'.", $"There is no unit with code '{input.PredecessorCode}'."));
        problems.AddIf(successor is null, "successorCode", T($"Không có đơn vị mã '{input.SuccessorCode}'.", $"There is no unit with code '{input.SuccessorCode}'."));
        problems.AddIf(input.PredecessorCode == input.SuccessorCode, "successorCode", T("Đơn vị kế thừa phải khác đơn vị tiền thân.", "The successor must differ from the predecessor."));
        problems.AddIf(!Enum.IsDefined(input.Kind), "kind", T("Loại kế thừa không hợp lệ (merge, split, rename).", "Unknown succession kind (merge, split, rename)."));
        if (problems.Any)
            return problems;

        var edges = await db.Successions.Select(s => new { P = s.Predecessor!.Code, S = s.Successor!.Code }).ToListAsync(cancellationToken);
        if (edges.Any(e => e.P == input.PredecessorCode && e.S == input.SuccessorCode))
            return Outcome<SuccessionDto>.Clash(Problems.Of("successorCode", T("Quan hệ kế thừa này đã có.", "This succession already exists.")));
        // Refuse a cycle: the successor must not already be an ancestor of the predecessor.
        var ancestors = new HashSet<string>();
        var frontier = new Queue<string>([input.PredecessorCode]);
        while (frontier.Count > 0)
        {
            var current = frontier.Dequeue();
            foreach (var edge in edges.Where(e => e.S == current))
                if (ancestors.Add(edge.P))
                    frontier.Enqueue(edge.P);
        }
        if (ancestors.Contains(input.SuccessorCode))
            return Problems.Of("successorCode", T("Quan hệ này tạo thành vòng lặp trong lịch sử đơn vị.", "This succession would make the lineage circular."));

        var succession = new UnitSuccession
        {
            PredecessorId = predecessor!.Id, SuccessorId = successor!.Id, EffectiveDate = input.EffectiveDate, Kind = input.Kind,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
        };
        db.Successions.Add(succession);
        audit.Record(actor, "lineage.added", "succession", $"{input.PredecessorCode}->{input.SuccessorCode}", null, $"{input.Kind} {input.EffectiveDate:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<SuccessionDto>.Ok(new SuccessionDto(succession.Id, input.PredecessorCode, input.SuccessorCode, input.EffectiveDate, input.Kind, succession.Note));
    }

    public async Task<bool> RemoveAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        var succession = await db.Successions.Include(s => s.Predecessor).Include(s => s.Successor).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (succession is null)
            return false;
        db.Successions.Remove(succession);
        audit.Record(actor, "lineage.removed", "succession", $"{succession.Predecessor!.Code}->{succession.Successor!.Code}", $"{succession.Kind} {succession.EffectiveDate:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
