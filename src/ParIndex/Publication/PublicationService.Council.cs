namespace ParIndex.Publication;

public sealed partial class PublicationService
{
    /// <summary>Null unless the council has started deciding the year and has not finalised it (its results would be in progress).</summary>
    private Task<string?> CouncilRefusalAsync(int year, CancellationToken cancellationToken) => new AppraisalCouncil.CouncilLock(db).UnfinishedAsync(year, cancellationToken);
}

public sealed partial class PublicationService
{
    /// <summary>
    /// The demo city's publication of a block: version 1 under a made-up but well-formed decision, dated 15 April of the
    /// following year as in the national practice (or today, when that is still ahead). Throws when refused: demo data must be whole.
    /// </summary>
    public async Task PublishDemoAsync(int year, string blockCode, string actor, CancellationToken cancellationToken = default)
    {
        var today = Core.Calendar.VietnamTime.LocalDate(clock.GetUtcNow());
        var date = new DateOnly(year + 1, 4, 15);
        var number = $"{year % 100 * 100 + blockCode.Sum(c => c) % 89 + 10}/QĐ-UBND";
        var outcome = await PublishAsync(new PublishRequest(year, blockCode, number, date > today ? today : date), actor, cancellationToken);
        if (!outcome.Succeeded)
            throw new InvalidOperationException($"Demo publication {year}/{blockCode}: {string.Join("; ", outcome.Problems?.Lines() ?? ["not found"])}");
    }
}
