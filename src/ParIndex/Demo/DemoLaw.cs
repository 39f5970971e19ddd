namespace ParIndex.Demo;

/// <summary>Legal bases cited by the demo criteria (căn cứ pháp lý), as a provincial framework cites them.</summary>
internal static class DemoLaw
{
    public const string Programme = "Nghị quyết 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 – 2030";
    public const string CityScheme = "Quyết định 4000/QĐ-UBND năm 2021 của UBND Thành phố phê duyệt Đề án xác định Chỉ số cải cách hành chính";
    public const string Survey = "Quyết định 876/QĐ-BNV năm 2022 của Bộ Nội vụ (phương pháp điều tra xã hội học)";

    public const string LawMaking2015 = "Luật Ban hành văn bản quy phạm pháp luật năm 2015 (sửa đổi, bổ sung năm 2020); Nghị định 34/2016/NĐ-CP, được sửa đổi bởi Nghị định 154/2020/NĐ-CP";
    public const string LawMaking2025 = "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15";
    public const string LawMonitoring = "Nghị định 59/2012/NĐ-CP, được sửa đổi bởi Nghị định 32/2020/NĐ-CP về theo dõi tình hình thi hành pháp luật";
    public const string LegalEducation = "Luật Phổ biến, giáo dục pháp luật năm 2012";
    public const string Reconciliation = "Luật Hòa giải ở cơ sở năm 2013; Quyết định 25/2021/QĐ-TTg về xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật";

    public const string ProcedureControl = "Nghị định 63/2010/NĐ-CP về kiểm soát thủ tục hành chính, được sửa đổi bởi Nghị định 92/2017/NĐ-CP";
    public const string OneStop = "Nghị định 61/2018/NĐ-CP, được sửa đổi bởi Nghị định 107/2021/NĐ-CP; Thông tư 01/2018/TT-VPCP";
    public const string OneStop2025 = "Nghị định 118/2025/NĐ-CP ngày 09/6/2025 về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông";
    public const string ServiceIndex = "Quyết định 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ về Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp";
    public const string Petitions = "Nghị định 20/2008/NĐ-CP về tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính, được sửa đổi bởi Nghị định 92/2017/NĐ-CP";
    public const string Complaints = "Luật Khiếu nại năm 2011; Luật Tố cáo năm 2018";

    public const string DepartmentOrganisation = "Nghị định 24/2014/NĐ-CP, được sửa đổi bởi Nghị định 107/2020/NĐ-CP về tổ chức các cơ quan chuyên môn thuộc UBND cấp tỉnh";
    public const string DistrictOrganisation = "Nghị định 37/2014/NĐ-CP, được sửa đổi bởi Nghị định 108/2020/NĐ-CP về tổ chức các cơ quan chuyên môn thuộc UBND cấp huyện";
    public const string Organisation2025 = "Nghị định 150/2025/NĐ-CP quy định tổ chức các cơ quan chuyên môn thuộc UBND cấp tỉnh và UBND cấp xã";
    public const string Resolutions18And19 = "Nghị quyết 18-NQ/TW và Nghị quyết 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương";
    public const string WardArrangement = "Nghị quyết 1685/NQ-UBTVQH15 ngày 16/6/2025 về sắp xếp các đơn vị hành chính cấp xã của Thành phố Hồ Chí Minh";
    public const string JobPositions = "Nghị định 62/2020/NĐ-CP về vị trí việc làm và biên chế công chức; Nghị định 106/2020/NĐ-CP về vị trí việc làm và số lượng người làm việc";
    public const string Streamlining = "Nghị định 29/2023/NĐ-CP quy định về tinh giản biên chế";
    public const string Streamlining2025 = "Nghị định 178/2024/NĐ-CP về chính sách, chế độ đối với cán bộ, công chức, viên chức trong thực hiện sắp xếp tổ chức bộ máy";
    public const string Recruitment = "Nghị định 138/2020/NĐ-CP về tuyển dụng, sử dụng và quản lý công chức; Nghị định 115/2020/NĐ-CP, được sửa đổi bởi Nghị định 85/2023/NĐ-CP";
    public const string Appraisal2023 = "Nghị định 90/2020/NĐ-CP về đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức";
    public const string Appraisal2024 = "Nghị định 90/2020/NĐ-CP, được sửa đổi bởi Nghị định 48/2023/NĐ-CP về đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức";
    public const string Training = "Nghị định 101/2017/NĐ-CP, được sửa đổi bởi Nghị định 89/2021/NĐ-CP về đào tạo, bồi dưỡng cán bộ, công chức, viên chức";
    public const string Discipline = "Nghị định 112/2020/NĐ-CP về xử lý kỷ luật cán bộ, công chức, viên chức";
    public const string ServiceCulture = "Quyết định 1847/QĐ-TTg năm 2018 phê duyệt Đề án văn hóa công vụ";

    public const string PublicInvestment = "Luật Đầu tư công năm 2019";
    public const string Budget = "Luật Ngân sách nhà nước năm 2015; Thông tư 343/2016/TT-BTC hướng dẫn công khai ngân sách";
    public const string Autonomy = "Nghị định 60/2021/NĐ-CP quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập";
    public const string AdministrativeAutonomy = "Nghị định 130/2005/NĐ-CP, được sửa đổi bởi Nghị định 117/2013/NĐ-CP về chế độ tự chủ của cơ quan nhà nước";
    public const string Thrift = "Luật Thực hành tiết kiệm, chống lãng phí năm 2013";
    public const string PublicAssets = "Luật Quản lý, sử dụng tài sản công năm 2017; Nghị định 151/2017/NĐ-CP";

    public const string Records = "Nghị định 30/2020/NĐ-CP về công tác văn thư";
    public const string Signatures = "Luật Giao dịch điện tử năm 2023; Nghị định 68/2024/NĐ-CP về chữ ký số chuyên dùng công vụ";
    public const string InformationSecurity = "Nghị định 85/2016/NĐ-CP về bảo đảm an toàn hệ thống thông tin theo cấp độ";
    public const string OnlineServices = "Nghị định 42/2022/NĐ-CP về cung cấp thông tin và dịch vụ công trực tuyến trên môi trường mạng";
    public const string ElectronicProcedures = "Nghị định 45/2020/NĐ-CP về thực hiện thủ tục hành chính trên môi trường điện tử";
    public const string Digitisation = "Nghị định 107/2021/NĐ-CP; Thông tư 01/2023/TT-VPCP về số hóa hồ sơ, kết quả giải quyết thủ tục hành chính";
    public const string Project06 = "Quyết định 06/QĐ-TTg ngày 06/01/2022 phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử (Đề án 06)";
    public const string Resolution57 = "Nghị quyết 57-NQ/TW ngày 22/12/2024 về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia";

    public const string Sipas = "Quyết định 2640/QĐ-BNV ngày 10/10/2017 phê duyệt Đề án đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước";
    public const string CounterRating = "Thông tư 01/2018/TT-VPCP, Chương III (đánh giá việc giải quyết thủ tục hành chính)";
}
