using ParIndex.Core.Frameworks;
using static ParIndex.Demo.Kit;

namespace ParIndex.Demo;

/// <summary>Field 7: Xây dựng và phát triển Chính quyền điện tử, Chính quyền số.</summary>
internal static class DemoFieldDigital
{
    public static FrameworkNode Build(DemoFieldContext c)
    {
        var documents = Ratio("f7.infra.documents", 1, "Tỷ lệ văn bản đi được gửi, nhận dưới dạng điện tử trên Hệ thống quản lý văn bản và điều hành",
                "Share of outgoing documents sent electronically through the document management system",
                Brackets(B(90, null, 1), B(70, 90, 0.5m), B(null, 70, 0)), "Số văn bản đi gửi dạng điện tử", "Tổng số văn bản đi")
            .Basis(DemoLaw.Records);
        var signatures = Ratio("f7.infra.signatures", 1, "Tỷ lệ văn bản điện tử được ký số bằng chữ ký số chuyên dùng công vụ",
                "Share of electronic documents signed with an official digital signature",
                Proportional, "Số văn bản được ký số", "Tổng số văn bản điện tử phát hành")
            .Basis(DemoLaw.Signatures);
        var security = Rubric("f7.infra.security", "Bảo đảm an toàn thông tin mạng theo cấp độ", "Information security by level",
                L(1.5m, "Phê duyệt cấp độ và triển khai đầy đủ phương án bảo đảm an toàn thông tin", "Levels approved and the security plan fully in place"),
                L(0.75m, "Đã phê duyệt cấp độ nhưng triển khai chưa đầy đủ", "Levels approved, plan partly in place"),
                L(0, "Chưa phê duyệt cấp độ hoặc để xảy ra sự cố mất an toàn thông tin nghiêm trọng", "Levels not approved, or a serious incident"))
            .Basis(DemoLaw.InformationSecurity);
        var infra = c.Profile switch
        {
            DemoProfile.Department => Group("f7.infra", 4, "Hạ tầng, nền tảng và ứng dụng công nghệ thông tin", "Infrastructure, platforms and applications",
                documents, signatures, security,
                Rubric3("f7.infra.portal", 0.5m, "Cổng/Trang thông tin điện tử cung cấp đầy đủ thông tin theo quy định",
                        "The unit's web portal publishes the required information",
                        "Đầy đủ, cập nhật thường xuyên", "Complete and kept current",
                        "Còn thiếu hoặc chậm cập nhật", "Gaps or delays",
                        "Không đáp ứng", "Does not comply")
                    .Basis(DemoLaw.OnlineServices)),
            DemoProfile.District => Group("f7.infra", 3.5m, "Hạ tầng, nền tảng và ứng dụng công nghệ thông tin", "Infrastructure, platforms and applications",
                documents, signatures, security),
            _ => Group("f7.infra", 3, "Hạ tầng, nền tảng và ứng dụng công nghệ thông tin", "Infrastructure, platforms and applications",
                documents, signatures,
                Rubric3("f7.infra.platforms", 1,
                        "Sử dụng các nền tảng số dùng chung của Thành phố (quản lý văn bản, họp không giấy, hệ thống thông tin giải quyết TTHC)",
                        "Use of the City's shared platforms (documents, paperless meetings, dossier system)",
                        "Sử dụng đầy đủ các nền tảng", "Every platform in use",
                        "Sử dụng một phần", "Some platforms in use",
                        "Chưa sử dụng", "None in use")
                    .Basis(DemoLaw.Resolution57)),
        };

        var paymentMax = c.Revised ? 1.5m : 1;
        var online = Group("f7.online", 5,
            c.Revised ? "Cung cấp, sử dụng dịch vụ công trực tuyến toàn trình" : "Cung cấp dịch vụ công trực tuyến",
            c.Revised ? "End-to-end online public services provided and used" : "Online public services",
            Metric("f7.online.offered", 1, "Tỷ lệ TTHC đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình",
                    "Share of eligible procedures offered fully online", "procedures.online_offered_share", Threshold(80))
                .Basis(DemoLaw.OnlineServices),
            Metric("f7.online.share", 1.5m, "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến", "Share of dossiers filed online",
                    "dossiers.online_share", Threshold(50))
                .Basis(DemoLaw.ServiceIndex),
            Metric("f7.online.endtoend", 1, "Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình trên tổng số hồ sơ",
                    "Share of dossiers handled end-to-end online", "dossiers.end_to_end_online_share",
                    Brackets(B(50, null, 1), B(30, 50, 0.5m), B(10, 30, 0.25m), B(null, 10, 0)))
                .Basis(DemoLaw.ElectronicProcedures),
            Metric("f7.online.payment", paymentMax, "Tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến",
                    "Share of dossiers with fees paid online", "dossiers.online_payment_share", Threshold(80))
                .Basis(DemoLaw.ServiceIndex),
            c.Revised
                ? null
                : Rubric3("f7.online.integration", 0.5m, "Tích hợp, cung cấp dịch vụ công trực tuyến trên Cổng Dịch vụ công quốc gia",
                        "Online services integrated with the national public service portal",
                        "Tích hợp đầy đủ", "Fully integrated", "Tích hợp một phần", "Partly integrated", "Chưa tích hợp", "Not integrated")
                    .Basis(DemoLaw.OnlineServices));

        var digitisedMax = c.Department ? 2 : 1.5m;
        var digitise = Group("f7.digitise", c.Ward ? 2.5m : digitisedMax + 0.5m, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
            "Digitisation of dossiers and results",
            Metric("f7.digitise.share", digitisedMax, "Tỷ lệ hồ sơ, kết quả giải quyết TTHC được số hóa", "Share of dossiers and results digitised",
                    "dossiers.digitised_share", Threshold(80))
                .Basis(DemoLaw.Digitisation),
            c.Ward
                ? Ratio("f7.digitise.results", 0.5m, "Tỷ lệ kết quả giải quyết TTHC được cấp bản điện tử có giá trị pháp lý",
                        "Share of results issued as legally valid electronic copies",
                        Proportional, "Số kết quả cấp bản điện tử", "Tổng số kết quả đã trả")
                    .Basis(DemoLaw.Digitisation)
                : null,
            Manual("f7.digitise.reuse", 0.5m, "Khai thác, tái sử dụng dữ liệu đã số hóa, không yêu cầu người dân nộp lại giấy tờ đã có",
                    "Reuse of digitised data instead of asking citizens again", step: 0.25m)
                .Basis(DemoLaw.Digitisation));

        var transformation = Group("f7.dx", 1.5m, "Chuyển đổi số", "Digital transformation",
            Ratio("f7.dx.plan", 1, "Mức độ hoàn thành kế hoạch chuyển đổi số năm", "Completion of the annual digital transformation plan",
                    PlanScale(1), "Số nhiệm vụ đã hoàn thành", "Số nhiệm vụ trong kế hoạch")
                .Basis(c.PostReform ? DemoLaw.Resolution57 : DemoLaw.Programme),
            Rubric3("f7.dx.project06", 0.5m, "Triển khai các nhiệm vụ của Đề án 06 được giao", "Tasks of Project 06 carried out",
                    "Hoàn thành đầy đủ, đúng hạn", "All done on time",
                    "Hoàn thành một phần", "Partly done",
                    "Không thực hiện", "Not done")
                .Basis(DemoLaw.Project06));

        var survey = Survey("f7.survey", 1, "Đánh giá về ứng dụng công nghệ thông tin, chuyển đổi số của " + c.UnitWordVi + " (điều tra xã hội học)",
                "Assessment of the unit's digital government (sociological survey)", "sociological.field7")
            .Basis(DemoLaw.Survey);

        return Group("f7", c.Department ? 14 : 13, "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
            "E-government and digital government", infra, online, digitise, transformation, survey);
    }
}
