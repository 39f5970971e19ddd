using ParIndex.Core.Frameworks;
using static ParIndex.Demo.Kit;

namespace ParIndex.Demo;

/// <summary>Field 4: Cải cách tổ chức bộ máy hành chính nhà nước.</summary>
internal static class DemoFieldOrganisation
{
    private const string Title = "Cải cách tổ chức bộ máy hành chính nhà nước";
    private const string TitleEn = "Reform of the administrative apparatus";

    public static FrameworkNode Build(DemoFieldContext c) => c.Profile switch
    {
        DemoProfile.Department => Group("f4", 7, Title, TitleEn,
            Group("f4.org", 3, "Thực hiện quy định về tổ chức bộ máy", "Compliance with organisation rules",
                Functions(c, 1), Leaders(c, 1), Restructure(c, 1)),
            Group("f4.staff", 2, "Quản lý, sử dụng biên chế", "Staffing quotas",
                Quota(c, 1.5m), Streamline(c)),
            Ratio("f4.decentral", 1, "Thực hiện các nhiệm vụ được UBND Thành phố phân cấp, ủy quyền",
                    "Tasks decentralised or delegated by the City carried out",
                    Proportional, "Số nhiệm vụ thực hiện đúng quy định", "Số nhiệm vụ được phân cấp, ủy quyền")
                .Na(NotApplicablePolicy.FullPoints)
                .Basis(DemoLaw.Programme),
            Survey(c, 1)),
        DemoProfile.District => Group("f4", 6, Title, TitleEn,
            Group("f4.org", 2.5m, "Thực hiện quy định về tổ chức bộ máy", "Compliance with organisation rules",
                Functions(c, 1), Leaders(c, 0.5m), Restructure(c, 1)),
            Group("f4.staff", 1.5m, "Quản lý, sử dụng biên chế", "Staffing quotas",
                Quota(c, 1), Streamline(c)),
            Group("f4.decentral", 1, "Phân cấp, ủy quyền", "Decentralisation and delegation",
                Ratio("f4.decentral.done", 0.5m, "Thực hiện các nhiệm vụ được UBND Thành phố phân cấp, ủy quyền",
                        "Tasks decentralised or delegated by the City carried out",
                        Proportional, "Số nhiệm vụ thực hiện đúng quy định", "Số nhiệm vụ được phân cấp, ủy quyền")
                    .Na(NotApplicablePolicy.FullPoints)
                    .Basis(DemoLaw.Programme),
                Rubric3("f4.decentral.wards", 0.5m, "Phân cấp, ủy quyền và kiểm tra việc thực hiện nhiệm vụ đã phân cấp cho UBND phường, xã, thị trấn",
                        "Delegation to the wards and checks on it",
                        "Có phân cấp, ủy quyền và kiểm tra định kỳ", "Delegated and checked regularly",
                        "Có phân cấp, ủy quyền nhưng không kiểm tra", "Delegated without checks",
                        "Không thực hiện", "Not done")
                    .Basis(DemoLaw.Programme)),
            Survey(c, 1)),
        _ => Group("f4", 6, Title, TitleEn,
            Group("f4.org", 2, "Tổ chức bộ máy của UBND phường, xã sau sắp xếp", "The ward's organisation after the reorganisation",
                Rubric3("f4.org.rules", 1, "Ban hành Quy chế làm việc của UBND phường, xã sau sắp xếp", "Working rules of the new ward issued",
                        "Ban hành kịp thời, đúng quy định", "Issued promptly and correctly",
                        "Ban hành chậm", "Issued late",
                        "Chưa ban hành", "Not issued")
                    .Basis(DemoLaw.Organisation2025),
                Rubric3("f4.org.structure", 1, "Tổ chức các phòng chuyên môn và Trung tâm phục vụ hành chính công theo quy định",
                        "Offices and the public service centre organised as required",
                        "Đúng số lượng, chức năng, nhiệm vụ theo quy định", "Right number and remits",
                        "Còn phòng chưa được kiện toàn", "Some offices not yet complete",
                        "Chưa kiện toàn", "Not organised")
                    .Basis(DemoLaw.Organisation2025)),
            Group("f4.staff", 1.5m, "Quản lý, sử dụng biên chế", "Staffing quotas",
                Quota(c, 1),
                Ratio("f4.staff.surplus", 0.5m, "Tỷ lệ cán bộ, công chức dôi dư sau sắp xếp được bố trí hoặc giải quyết chế độ, chính sách",
                        "Share of surplus staff placed or compensated after the reorganisation",
                        Proportional, "Số người đã được bố trí hoặc giải quyết chế độ", "Số cán bộ, công chức dôi dư")
                    .Na(NotApplicablePolicy.RemoveFromMaximum)
                    .Basis(DemoLaw.Streamlining2025)),
            Group("f4.decentral", 1, "Phân cấp, phân quyền", "Decentralisation",
                Ratio("f4.decentral.done", 0.5m, "Thực hiện nhiệm vụ, thẩm quyền được phân cấp, phân quyền từ cấp huyện chuyển về",
                        "Powers transferred from the former district level exercised",
                        Proportional, "Số nhiệm vụ đã tổ chức thực hiện", "Số nhiệm vụ được chuyển giao")
                    .Basis(DemoLaw.Organisation2025),
                Rubric3("f4.decentral.delegated", 0.5m, "Thực hiện nhiệm vụ được UBND Thành phố ủy quyền", "Tasks delegated by the City carried out",
                        "Thực hiện đầy đủ, đúng thời hạn", "All done on time",
                        "Có nhiệm vụ chậm", "Some late",
                        "Không thực hiện", "Not done")
                    .Na(NotApplicablePolicy.FullPoints)
                    .Basis(DemoLaw.Organisation2025)),
            Survey(c, 1.5m)),
    };

    private static string OrganisationLaw(DemoFieldContext c) =>
        c.PostReform ? DemoLaw.Organisation2025 : c.Department ? DemoLaw.DepartmentOrganisation : DemoLaw.DistrictOrganisation;

    private static FrameworkNode Functions(DemoFieldContext c, decimal max) =>
        Rubric3("f4.org.functions", max,
                c.Department ? "Ban hành kịp thời quy định chức năng, nhiệm vụ, quyền hạn của các phòng và đơn vị trực thuộc"
                    : "Ban hành kịp thời quy định chức năng, nhiệm vụ, quyền hạn của các phòng chuyên môn",
                "Remits of the internal offices issued promptly",
                "Ban hành đầy đủ, kịp thời", "Complete and prompt",
                "Ban hành chậm hoặc chưa đầy đủ", "Late or incomplete",
                "Chưa ban hành", "Not issued")
            .Basis(OrganisationLaw(c));

    private static FrameworkNode Leaders(DemoFieldContext c, decimal max) =>
        Rubric("f4.org.leaders", "Thực hiện quy định về số lượng cấp phó của người đứng đầu các phòng, đơn vị",
                "Number of deputy heads within the rules",
                L(max, "Đúng quy định", "Within the rules"),
                L(0, "Vượt số lượng quy định", "Above the limit"))
            .Basis(OrganisationLaw(c));

    private static FrameworkNode Restructure(DemoFieldContext c, decimal max) =>
        Ratio("f4.org.restructure", max,
                c.Department ? "Mức độ hoàn thành phương án sắp xếp, kiện toàn tổ chức bộ máy, đơn vị sự nghiệp trực thuộc"
                    : "Mức độ hoàn thành phương án sắp xếp khu phố, ấp và tổ chức bộ máy trên địa bàn",
                "Completion of the restructuring plan",
                PlanScale(max), "Số nội dung đã hoàn thành", "Số nội dung trong phương án")
            .Na(NotApplicablePolicy.RemoveFromMaximum)
            .Basis(DemoLaw.Resolutions18And19);

    private static FrameworkNode Quota(DemoFieldContext c, decimal max) =>
        Rubric("f4.staff.quota", "Sử dụng biên chế công chức trong phạm vi được giao", "Civil-service headcount within the quota",
                L(max, "Không vượt biên chế được giao", "Within the quota"),
                L(0, "Vượt biên chế được giao", "Above the quota"))
            .Basis(DemoLaw.JobPositions);

    private static FrameworkNode Streamline(DemoFieldContext c) =>
        Ratio("f4.staff.streamline", 0.5m, "Thực hiện tinh giản biên chế theo kế hoạch", "Headcount reduction carried out as planned",
                Threshold(100), "Số người đã tinh giản", "Số người phải tinh giản theo kế hoạch")
            .Na(NotApplicablePolicy.RemoveFromMaximum)
            .Basis(DemoLaw.Streamlining);

    private static FrameworkNode Survey(DemoFieldContext c, decimal max) =>
        Kit.Survey("f4.survey", max, "Đánh giá về tổ chức bộ máy của " + c.UnitWordVi + " (điều tra xã hội học)",
                "Assessment of the unit's organisation (sociological survey)", "sociological.field4")
            .Basis(DemoLaw.Survey);
}
