namespace ParIndex.Campaign;

/// <summary>The phases of a year's assessment campaign (DOMAIN.md §4), in their usual order.</summary>
public enum CampaignPhaseKind
{
    /// <summary>Tự đánh giá: units score themselves with evidence; the unit head submits.</summary>
    SelfAssessment,
    /// <summary>Thẩm định: lead agencies accept or adjust each score.</summary>
    Appraisal,
    /// <summary>Giải trình: units answer adjustments.</summary>
    Explanation,
    /// <summary>Thẩm định lại: appraisers decide again on explained leaves.</summary>
    Reappraisal,
    /// <summary>Hội đồng: the council decides final scores.</summary>
    Council,
    /// <summary>Công bố: results are published.</summary>
    Publication,
    /// <summary>Phúc khảo: optional re-examination on appeal.</summary>
    Reexamination,
}
