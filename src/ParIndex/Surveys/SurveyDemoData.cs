using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Surveys;
using ParIndex.Data;
using ParIndex.Demo;

namespace ParIndex.Surveys;

/// <summary>
/// Survey answers for the demo city: the shipped questionnaires, a published SIPAS campaign for 2024 and for 2025
/// over every unit of that year's blocks with plausible answers (about 25 respondents per unit, deterministic), and
/// one counter per department with a year of ratings. Called by the demo seeder after the units and blocks exist;
/// does nothing when a SIPAS campaign is already there. Inserts in bulk so the embedded first start stays fast.
/// </summary>
public sealed class SurveyDemoData(AppDbContext db, QuestionnaireService questionnaires)
{
    private const string Actor = "demo-seed";
    public static readonly int[] Years = [2024, 2025];

    public async Task<bool> SeedAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (await db.SurveyCampaigns.AnyAsync(cancellationToken))
            return false;
        progress?.Report("Phiếu khảo sát SIPAS, điều tra xã hội học, đánh giá tại quầy / questionnaires");
        var templates = await questionnaires.EnsureTemplatesAsync(Actor, cancellationToken);
        var sipas = templates.First(t => t.Code == SurveyTemplates.SipasCode);
        var definition = QuestionnaireService.Definition(sipas);
        var slots = definition.Slots();
        foreach (var year in Years)
        {
            var members = await db.BlockMembers.AsNoTracking().Where(m => m.Year == year).Select(m => new { m.UnitId, m.Unit!.Code }).ToListAsync(cancellationToken);
            if (members.Count == 0)
                continue;
            progress?.Report($"{year}: khảo sát SIPAS, {members.Count} đơn vị / SIPAS survey");
            var campaign = new SurveyCampaign
            {
                Code = $"SIPAS-{year}", NameVi = $"Khảo sát SIPAS năm {year}", NameEn = $"SIPAS survey {year}", QuestionnaireId = sipas.Id, Year = year,
                OpensOn = new DateOnly(year, 9, 1), ClosesOn = new DateOnly(year, 11, 30),
                SamplingFrame = "Người dân, tổ chức đã nhận kết quả giải quyết thủ tục hành chính tại đơn vị trong năm, chọn ngẫu nhiên từ sổ theo dõi hồ sơ.",
                MinimumN = 30, Fallback = FallbackKind.BlockMean, IsPublished = true, PublishedAtUtc = new DateTime(year, 12, 15, 2, 0, 0, DateTimeKind.Utc), PublishedBy = Actor,
                CreatedAtUtc = new DateTime(year, 8, 20, 2, 0, 0, DateTimeKind.Utc), CreatedBy = Actor,
                Targets = members.SelectMany(m => new[]
                {
                    new CampaignTarget { UnitId = m.UnitId, RespondentGroup = "nguoi_dan", Quota = 30, PopulationWeight = 0.8m },
                    new CampaignTarget { UnitId = m.UnitId, RespondentGroup = "to_chuc", Quota = 10, PopulationWeight = 0.2m },
                }).ToList(),
            };
            db.SurveyCampaigns.Add(campaign);
            await db.SaveChangesAsync(cancellationToken);
            var responses = new List<SurveyResponse>();
            foreach (var member in members)
            {
                var random = DemoRandom.For(member.Code, year, "sipas");
                // Each unit has its own level of satisfaction; most between 70 and 95 %.
                var level = DemoRandom.Clamp(0.83 + 0.06 * random.Normal(), 0.55, 0.98);
                var citizens = random.Next(18, 36);
                var businesses = random.Next(3, 11);
                for (var i = 0; i < citizens + businesses; i++)
                    responses.Add(new SurveyResponse
                    {
                        CampaignId = campaign.Id, QuestionnaireId = sipas.Id, UnitId = member.UnitId, RespondentGroup = i < citizens ? "nguoi_dan" : "to_chuc",
                        Channel = random.NextDouble() < 0.7 ? ResponseChannel.Online : ResponseChannel.Paper,
                        SubmittedOn = campaign.OpensOn.AddDays(random.Next(0, campaign.ClosesOn.DayNumber - campaign.OpensOn.DayNumber + 1)),
                        Choices = Answers(slots, random, level),
                    });
            }
            db.SurveyResponses.AddRange(responses);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        await SeedCountersAsync(progress, cancellationToken);
        return true;
    }

    /// <summary>One answer vector: satisfaction questions lean to 4–5 with the unit's level; yes/no perceptions likewise.</summary>
    private static string Answers(IReadOnlyList<Question> slots, Random random, double level)
    {
        var vector = new char[slots.Count];
        for (var s = 0; s < slots.Count; s++)
        {
            var question = slots[s];
            var index = question.Kind switch
            {
                QuestionKind.Scale5 => random.NextDouble() < 0.03 ? -1 // skipped
                    : random.NextDouble() < DemoRandom.Clamp(level + (question.Element == SipasElements.Feedback ? -0.06 : question.Element == SipasElements.CivilServant ? 0.03 : 0), 0, 1)
                        ? (random.NextDouble() < 0.45 ? 4 : 3)
                        : (random.NextDouble() < 0.6 ? 2 : random.NextDouble() < 0.7 ? 1 : 0),
                QuestionKind.YesNo => random.NextDouble() < level + 0.05 ? 0 : 1,
                QuestionKind.SingleChoice => random.NextDouble() < 0.2 ? -1 : random.Next(question.EffectiveChoices.Count),
                _ => -1,
            };
            vector[s] = index < 0 ? '0' : AnswerSheet.Encode(index);
        }
        return new string(vector);
    }

    private async Task SeedCountersAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var year = Years[^1];
        var departments = await db.BlockMembers.AsNoTracking().Where(m => m.Year == year && m.Unit!.Kind == Units.UnitKind.Department)
            .Select(m => new { m.UnitId, m.Unit!.Code }).ToListAsync(cancellationToken);
        progress?.Report($"{year}: {departments.Count} quầy và đánh giá tại quầy / counters and ratings");
        var counters = departments.Select(d => new ServiceCounter { Code = $"{d.Code}-Q1", UnitId = d.UnitId, NameVi = "Quầy tiếp nhận và trả kết quả số 1" }).ToList();
        db.ServiceCounters.AddRange(counters);
        await db.SaveChangesAsync(cancellationToken);
        var ratings = new List<CounterRating>();
        foreach (var counter in counters)
        {
            var random = DemoRandom.For(counter.Code, year, "counter");
            var level = DemoRandom.Clamp(0.9 + 0.05 * random.Normal(), 0.6, 0.995);
            var count = random.Next(120, 400);
            for (var i = 0; i < count; i++)
            {
                var satisfied = random.NextDouble() < level;
                ratings.Add(new CounterRating
                {
                    CounterId = counter.Id, UnitId = counter.UnitId, Rating = (short)(satisfied ? (random.NextDouble() < 0.55 ? 3 : 2) : 1),
                    DossierCode = random.NextDouble() < 0.6 ? $"{counter.Code}-{year}-{i + 1:D5}" : null,
                    RatedOn = new DateOnly(year, 1, 2).AddDays(random.Next(0, 360)),
                });
            }
        }
        db.CounterRatings.AddRange(ratings);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
