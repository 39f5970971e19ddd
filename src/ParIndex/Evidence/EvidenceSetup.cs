namespace ParIndex.Evidence;

/// <summary>Evidence storage and services (ParIndexSetup calls this with one line).</summary>
public static class EvidenceSetup
{
    public static IHostApplicationBuilder AddEvidence(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<EvidenceOptions>(builder.Configuration.GetSection("Evidence"));
        builder.Services.AddSingleton<EvidenceStore>();
        builder.Services.AddScoped<EvidenceService>();
        builder.Services.AddScoped<EvidenceZip>();
        return builder;
    }
}
