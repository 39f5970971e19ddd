using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Core.Frameworks;
using ParIndex.Data;
using ParIndex.Frameworks;

namespace ParIndex.Tests.Data;

public abstract class DemoSeederTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task TheDemoCityHasTheHcmcStructureWithPublishedResultsAndSeedsOnce()
    {
        var first = await App.WithScopeAsync(services => services.GetRequiredService<DemoSeeder>().SeedAsync());
        var second = await App.WithScopeAsync(services => services.GetRequiredService<DemoSeeder>().SeedAsync());

        Assert.True(first);
        Assert.False(second);
        var blocks = await App.WithDbAsync(db => db.Blocks.Select(b => new { b.Year, b.Code, Members = b.Members.Count, b.IsPublished }).ToListAsync());
        Assert.Equal(6, blocks.Count);
        Assert.All(blocks, b => Assert.True(b.IsPublished));
        Assert.Equal(168, blocks.Single(b => b.Year == 2025 && b.Code == "PX").Members);
        Assert.Equal(17, blocks.Single(b => b.Year == 2025 && b.Code == "SBN").Members);
        Assert.Equal(22, blocks.Single(b => b.Year == 2024 && b.Code == "QH").Members);
        Assert.InRange(blocks.Single(b => b.Year == 2024 && b.Code == "SBN").Members, 25, 32);

        var frameworks = await App.WithDbAsync(db => db.Frameworks.ToListAsync());
        Assert.Equal(6, frameworks.Count);
        foreach (var framework in frameworks)
        {
            var definition = FrameworkService.Definition(framework);
            Assert.Equal(FrameworkStatus.Published, framework.Status);
            Assert.Empty(FrameworkValidator.Validate(definition));
            Assert.InRange(definition.Leaves().Count(n => n.Kind == NodeKind.Leaf), 60, 100);
            Assert.Equal(8, definition.Fields().Count());
            var methods = definition.Leaves().Select(n => n.Method!.TypeName).ToHashSet();
            Assert.Equal(["manual", "metric", "ratio", "rubric", "survey"], methods.Order());
        }

        // Every 2025 ward assessed; those of the former city compare with their predecessors' 2024 figures.
        var px = await App.WithDbAsync(db => db.ResultRows.Where(r => r.Year == 2025 && r.ResultSet!.Block!.Code == "PX").ToListAsync());
        Assert.Equal(168, px.Count);
        Assert.Contains(px, r => r.PreviousIndex is not null);
        Assert.Equal(Enumerable.Range(1, 168).Count(), px.Select(r => r.Rank).Distinct().Count() + px.GroupBy(r => r.Rank).Sum(g => g.Count() - 1));
        var outcomes2024 = await App.WithDbAsync(db => db.ResultRows.Where(r => r.Year == 2024).Select(r => new { r.RewardProposed, r.DisciplineReview, r.PreviousRank }).ToListAsync());
        Assert.Contains(outcomes2024, r => r.RewardProposed);
        Assert.All(outcomes2024, r => Assert.NotNull(r.PreviousRank));
    }
}

public sealed class DemoSeederTestsOnSqlite() : DemoSeederTests(DatabaseKind.Sqlite);

public sealed class DemoSeederTestsOnPostgres() : DemoSeederTests(DatabaseKind.Postgres);
