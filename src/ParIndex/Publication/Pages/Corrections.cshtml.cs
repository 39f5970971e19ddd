using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using ParIndex.Web;

namespace ParIndex.Publication.Pages;

/// <summary>The public corrections log: every correction of a published block, newest first, optionally of one year.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class CorrectionsModel(PublishedResults published) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")] public int? Year { get; set; }

    public IReadOnlyList<CorrectionView> Corrections { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await published.CorrectionsAsync(null, cancellationToken);
        Years = all.Select(c => c.Year).Distinct().OrderDescending().ToList();
        Corrections = Year is { } year ? all.Where(c => c.Year == year).ToList() : all;
    }
}
