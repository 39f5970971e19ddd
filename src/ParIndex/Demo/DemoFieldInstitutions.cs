using ParIndex.Core.Frameworks;
using static ParIndex.Demo.Kit;

namespace ParIndex.Demo;

/// <summary>Field 2: Cải cách thể chế.</summary>
internal static class DemoFieldInstitutions
{
    public static FrameworkNode Build(DemoFieldContext c) => c.Profile switch
    {
        DemoProfile.Department => Department(c),
        DemoProfile.District => District(c),
        _ => Ward(c),
    };

    private static string LawMaking(DemoFieldContext c) => c.PostReform ? DemoLaw.LawMaking2025 : DemoLaw.LawMaking2015;

    private static FrameworkNode Department(DemoFieldContext c) =>
        Group("f2", 8, "Cải cách thể chế", "Institutional reform",
            Group("f2.law", 3, "Tham mưu xây dựng, ban hành văn bản quy phạm pháp luật", "Drafting legal documents for the City",
                Ratio("f2.law.drafting", 1.5m,
                        "Tỷ lệ dự thảo văn bản QPPL trình UBND Thành phố đúng tiến độ theo Chương trình xây dựng văn bản",
                        "Share of draft legal documents submitted to the City on schedule",
                        Brackets(B(100, null, 1.5m), B(80, 100, 0.75m), B(null, 80, 0)), "Số dự thảo trình đúng tiến độ", "Số dự thảo được giao chủ trì")
                    .Na(NotApplicablePolicy.RemoveFromMaximum)
                    .Basis(LawMaking(c))
                    .Guide("Không được giao chủ trì soạn thảo văn bản QPPL trong năm thì tiêu chí không tính vào tổng điểm.",
                        "When the unit drafted no legal document this criterion leaves the maximum."),
                Ratio("f2.law.quality", 1.5m,
                        "Tỷ lệ dự thảo văn bản QPPL không bị Sở Tư pháp trả lại hoặc đề nghị hoàn thiện lại hồ sơ thẩm định",
                        "Share of drafts accepted by the Department of Justice without being returned",
                        Proportional, "Số dự thảo không bị trả lại", "Số dự thảo gửi thẩm định")
                    .Na(NotApplicablePolicy.RemoveFromMaximum)
                    .Basis(LawMaking(c))),
            Group("f2.review", 2, "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", "Review and consolidation of legal documents",
                ReviewPlan(c, 0.5m),
                ReviewCompletion(c, 1),
                Ratio("f2.review.followup", 0.5m,
                        "Xử lý hoặc kiến nghị xử lý văn bản sau rà soát (sửa đổi, bổ sung, thay thế, bãi bỏ)",
                        "Follow-up of documents found outdated by the review",
                        Proportional, "Số văn bản đã xử lý hoặc kiến nghị xử lý", "Số văn bản phải xử lý sau rà soát")
                    .Na(NotApplicablePolicy.FullPoints)
                    .Basis(LawMaking(c))),
            Ratio("f2.monitor", 1.5m,
                    c.Revised ? "Mức độ hoàn thành kế hoạch theo dõi thi hành pháp luật và kiểm tra văn bản trong lĩnh vực quản lý"
                        : "Mức độ hoàn thành kế hoạch theo dõi tình hình thi hành pháp luật",
                    "Completion of the plan for monitoring law enforcement",
                    PlanScale(1.5m), "Số nội dung đã thực hiện", "Số nội dung trong kế hoạch")
                .Basis(DemoLaw.LawMonitoring),
            Manual("f2.education", 0.5m, "Phổ biến, giáo dục pháp luật trong ngành, lĩnh vực quản lý", "Legal education in the unit's field", step: 0.25m)
                .Basis(DemoLaw.LegalEducation),
            Survey("f2.survey", 1, "Đánh giá về chất lượng văn bản QPPL do cơ quan tham mưu ban hành (điều tra xã hội học)",
                    "Assessment of the quality of the legal documents the unit drafted (sociological survey)", "sociological.field2")
                .Basis(DemoLaw.Survey));

    private static FrameworkNode District(DemoFieldContext c) =>
        Group("f2", 7, "Cải cách thể chế", "Institutional reform",
            Group("f2.law", 2, "Xây dựng, ban hành văn bản quy phạm pháp luật", "Making legal documents",
                Ratio("f2.law.programme", 1, "Mức độ thực hiện Chương trình ban hành văn bản QPPL của HĐND, UBND quận, huyện",
                        "Completion of the district's programme of legal documents",
                        PlanScale(1), "Số văn bản ban hành đúng kế hoạch", "Số văn bản trong Chương trình")
                    .Na(NotApplicablePolicy.RemoveFromMaximum)
                    .Basis(LawMaking(c)),
                Rubric3("f2.law.procedure", 1, "Tuân thủ trình tự, thủ tục xây dựng, ban hành văn bản QPPL",
                        "Compliance with the law-making procedure",
                        "Đúng trình tự, thủ tục đối với tất cả văn bản", "Every document followed the procedure",
                        "Có văn bản chưa đúng trình tự, thủ tục", "Some documents did not",
                        "Có văn bản bị cơ quan có thẩm quyền kết luận trái pháp luật", "A document was found unlawful")
                    .Na(NotApplicablePolicy.RemoveFromMaximum)
                    .Basis(LawMaking(c))),
            Group("f2.review", 1.5m, "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", "Review and consolidation of legal documents",
                ReviewPlan(c, 0.5m),
                ReviewCompletion(c, 1)),
            Group("f2.check", 1.5m, "Kiểm tra, xử lý văn bản quy phạm pháp luật", "Checking legal documents",
                Ratio("f2.check.self", 1, "Tỷ lệ văn bản trái pháp luật được phát hiện đã được xử lý", "Share of unlawful documents found that were dealt with",
                        Proportional, "Số văn bản đã xử lý", "Số văn bản trái pháp luật được phát hiện")
                    .Na(NotApplicablePolicy.FullPoints)
                    .Basis(LawMaking(c))
                    .Guide("Không phát hiện văn bản trái pháp luật thì được điểm tối đa.", "Full points when no unlawful document was found."),
                Ratio("f2.check.wards", 0.5m, "Kiểm tra văn bản QPPL do HĐND, UBND phường, xã, thị trấn ban hành",
                        "Checking the legal documents issued by the wards",
                        Threshold(90), "Số văn bản đã kiểm tra", "Số văn bản cấp xã đã ban hành")
                    .Na(NotApplicablePolicy.FullPoints)
                    .Basis(LawMaking(c))),
            Ratio("f2.monitor", 0.5m, "Mức độ hoàn thành kế hoạch theo dõi tình hình thi hành pháp luật",
                    "Completion of the plan for monitoring law enforcement",
                    PlanScale(0.5m), "Số nội dung đã thực hiện", "Số nội dung trong kế hoạch")
                .Basis(DemoLaw.LawMonitoring),
            Manual("f2.education", 0.5m, "Phổ biến, giáo dục pháp luật trên địa bàn", "Legal education in the district", step: 0.25m)
                .Basis(DemoLaw.LegalEducation),
            Survey("f2.survey", 1, "Đánh giá về chất lượng văn bản do quận, huyện ban hành (điều tra xã hội học)",
                    "Assessment of the quality of the district's documents (sociological survey)", "sociological.field2")
                .Basis(DemoLaw.Survey));

    private static FrameworkNode Ward(DemoFieldContext c) =>
        Group("f2", 7, "Cải cách thể chế", "Institutional reform",
            Group("f2.law", 2, "Xây dựng, ban hành văn bản quy phạm pháp luật của HĐND, UBND phường, xã", "Legal documents of the ward",
                Ratio("f2.law.programme", 1.5m, "Mức độ thực hiện kế hoạch ban hành văn bản QPPL của HĐND, UBND phường, xã",
                        "Completion of the ward's plan of legal documents",
                        PlanScale(1.5m), "Số văn bản ban hành đúng kế hoạch", "Số văn bản trong kế hoạch")
                    .Na(NotApplicablePolicy.RemoveFromMaximum)
                    .Basis(LawMaking(c)),
                Rubric3("f2.law.procedure", 0.5m, "Tuân thủ trình tự, thủ tục xây dựng, ban hành văn bản QPPL",
                        "Compliance with the law-making procedure",
                        "Đúng trình tự, thủ tục", "Procedure followed", "Có sai sót về trình tự, thủ tục", "Some errors",
                        "Có văn bản bị kết luận trái pháp luật", "A document was found unlawful")
                    .Na(NotApplicablePolicy.RemoveFromMaximum)
                    .Basis(LawMaking(c))),
            Group("f2.review", 1.5m, "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", "Review and consolidation of legal documents",
                ReviewPlan(c, 0.5m),
                ReviewCompletion(c, 1)),
            Rubric3("f2.transition", 1, "Rà soát, xử lý văn bản của các đơn vị hành chính cũ sau sắp xếp",
                    "Review of the documents of the former units after the reorganisation",
                    "Hoàn thành rà soát, công bố danh mục văn bản còn hiệu lực", "Review done and list of valid documents published",
                    "Đang rà soát, chưa công bố danh mục", "Review under way, list not published",
                    "Chưa thực hiện", "Not started")
                .Basis(DemoLaw.WardArrangement),
            Manual("f2.education", 1, "Phổ biến, giáo dục pháp luật, hòa giải ở cơ sở; xây dựng phường, xã đạt chuẩn tiếp cận pháp luật",
                    "Legal education, community mediation and the access-to-law standard", step: 0.25m)
                .Basis(DemoLaw.Reconciliation),
            Survey("f2.survey", 1.5m, "Đánh giá về chất lượng văn bản do phường, xã ban hành (điều tra xã hội học)",
                    "Assessment of the quality of the ward's documents (sociological survey)", "sociological.field2")
                .Basis(DemoLaw.Survey));

    private static FrameworkNode ReviewPlan(DemoFieldContext c, decimal max) =>
        Rubric("f2.review.plan", "Ban hành kế hoạch rà soát, hệ thống hóa văn bản QPPL", "Review plan for legal documents issued",
                L(max, "Ban hành đúng thời hạn, đầy đủ nội dung", "Issued on time and complete"),
                L(max / 2, "Ban hành chậm hoặc thiếu nội dung", "Issued late or incomplete"),
                L(0, "Không ban hành", "Not issued"))
            .Basis(LawMaking(c));

    private static FrameworkNode ReviewCompletion(DemoFieldContext c, decimal max) =>
        Ratio("f2.review.completion", max, "Mức độ hoàn thành kế hoạch rà soát, hệ thống hóa văn bản QPPL",
                "Completion of the review plan", PlanScale(max), "Số nội dung đã thực hiện", "Số nội dung trong kế hoạch")
            .Basis(LawMaking(c));
}
