using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Surveys;
using ParIndex.Surveys.Counters;

namespace ParIndex.Data.Configurations;

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> q)
    {
        q.HasIndex(x => new { x.Code, x.Version }).IsUnique();
        q.Property(x => x.Code).HasMaxLength(32);
        q.Property(x => x.TitleVi).HasMaxLength(500);
        q.Property(x => x.TitleEn).HasMaxLength(500);
        q.Property(x => x.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class SurveyCampaignConfiguration : IEntityTypeConfiguration<SurveyCampaign>
{
    public void Configure(EntityTypeBuilder<SurveyCampaign> c)
    {
        c.HasIndex(x => x.Code).IsUnique();
        c.HasIndex(x => x.Year);
        c.Property(x => x.Code).HasMaxLength(32);
        c.Property(x => x.NameVi).HasMaxLength(300);
        c.Property(x => x.NameEn).HasMaxLength(300);
        c.Property(x => x.SamplingFrame).HasMaxLength(2000);
        c.Property(x => x.CreatedBy).HasMaxLength(256);
        c.Property(x => x.PublishedBy).HasMaxLength(256);
        c.Ignore(x => x.Rule);
        c.HasOne(x => x.Questionnaire).WithMany().HasForeignKey(x => x.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        c.HasMany(x => x.Targets).WithOne().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignTargetConfiguration : IEntityTypeConfiguration<CampaignTarget>
{
    public void Configure(EntityTypeBuilder<CampaignTarget> t)
    {
        t.HasIndex(x => new { x.CampaignId, x.UnitId, x.RespondentGroup }).IsUnique();
        t.Property(x => x.RespondentGroup).HasMaxLength(32);
        t.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> i)
    {
        // The single-use guarantee rests on this index and on the conditional update of UsedOn (ResponseService).
        i.HasIndex(x => x.TokenHash).IsUnique();
        i.HasIndex(x => new { x.CampaignId, x.UnitId });
        i.Property(x => x.TokenHash).HasMaxLength(64);
        i.Property(x => x.RespondentGroup).HasMaxLength(32);
        i.HasOne<SurveyCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        i.HasOne<Units.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyDraftConfiguration : IEntityTypeConfiguration<SurveyDraft>
{
    public void Configure(EntityTypeBuilder<SurveyDraft> d)
    {
        d.HasIndex(x => x.TokenHash).IsUnique();
        d.Property(x => x.TokenHash).HasMaxLength(64);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> r)
    {
        // Deliberately no reference to survey_invitations (anonymity, docs/decisions/0007).
        r.HasIndex(x => new { x.CampaignId, x.UnitId });
        r.Property(x => x.RespondentGroup).HasMaxLength(32);
        r.Property(x => x.Choices).HasMaxLength(200);
        r.HasOne<SurveyCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<Questionnaire>().WithMany().HasForeignKey(x => x.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<Units.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceCounterConfiguration : IEntityTypeConfiguration<ServiceCounter>
{
    public void Configure(EntityTypeBuilder<ServiceCounter> c)
    {
        c.HasIndex(x => x.Code).IsUnique();
        c.Property(x => x.Code).HasMaxLength(32);
        c.Property(x => x.NameVi).HasMaxLength(200);
        c.Property(x => x.OfficerName).HasMaxLength(200);
        c.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CounterDeviceConfiguration : IEntityTypeConfiguration<CounterDevice>
{
    public void Configure(EntityTypeBuilder<CounterDevice> d)
    {
        d.HasIndex(x => x.KeyHash).IsUnique();
        d.Property(x => x.KeyHash).HasMaxLength(64);
        d.Property(x => x.KeyPrefix).HasMaxLength(16);
        d.Property(x => x.Name).HasMaxLength(200);
        d.Property(x => x.CreatedBy).HasMaxLength(256);
        d.HasOne(x => x.Counter).WithMany().HasForeignKey(x => x.CounterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CounterRatingConfiguration : IEntityTypeConfiguration<CounterRating>
{
    public void Configure(EntityTypeBuilder<CounterRating> r)
    {
        // One rating per dossier: ratings without a receipt code (NULL) are not constrained by a unique index.
        r.HasIndex(x => x.DossierCode).IsUnique();
        r.HasIndex(x => new { x.UnitId, x.RatedOn });
        r.Property(x => x.DossierCode).HasMaxLength(64);
        r.HasOne<ServiceCounter>().WithMany().HasForeignKey(x => x.CounterId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<Units.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyImportConfiguration : IEntityTypeConfiguration<SurveyImport>
{
    public void Configure(EntityTypeBuilder<SurveyImport> i)
    {
        i.HasIndex(x => new { x.CampaignId, x.FileHash }).IsUnique();
        i.Property(x => x.FileHash).HasMaxLength(64);
        i.Property(x => x.ImportedBy).HasMaxLength(256);
        i.HasOne<SurveyCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
