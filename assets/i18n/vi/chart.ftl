# Các từ ngữ của biểu đồ, bằng tiếng Việt: biểu đồ trong cửa sổ, bảng, trang trình chiếu và
# mọi tệp xuất ra đều dùng. Mỗi thông điệp ở đây cũng có trong en/chart.ftl.

## Tiêu đề và trục

chart-no-indicator = Chưa chọn chỉ tiêu
chart-no-figures = Không có số liệu để hiển thị
chart-index-axis = Chỉ số, năm { $base } = 100
chart-change-axis = % thay đổi so với năm { $base }
chart-log-axis = { $unit } (thang logarit)
chart-index-subtitle = chỉ số, năm { $base } = 100
chart-change-subtitle = % thay đổi so với năm { $base }
chart-log-subtitle = thang logarit
chart-target-line = Mục tiêu { $year }: { $value }
chart-baseline-line = Mức cơ sở { $year }: { $value }
# The unit of a change of a percentage.
unit-percentage-points = điểm %
change-since = so với { $year }

## Tình trạng của số liệu

status-normal = chính thức
status-estimated = ước tính
status-provisional = sơ bộ
status-forecast = dự báo
status-break = chuỗi số liệu bị ngắt
qualifier-exact = chính xác
qualifier-about = khoảng
qualifier-more-than = hơn
qualifier-less-than = dưới
qualifier-at-least = ít nhất
qualifier-at-most = nhiều nhất

## Tiến độ thực hiện mục tiêu (phương pháp Open SDG)

progress-achieved = Đã đạt mục tiêu
progress-on-track = Đúng tiến độ
progress-moderate = Có tiến bộ, chưa đúng tiến độ
progress-limited = Tiến bộ hạn chế, chưa đúng tiến độ
progress-deteriorating = Đang đi xa mục tiêu

## Ghi chú, chân trang và chú giải khi rê chuột

note-no-such-indicator = { $code }: không có chỉ tiêu này
note-no-base-figure = { $series }: không có số liệu năm { $base } nên không tính được so với năm đó
note-style-tentative = Nét đứt, điểm rỗng: { $status }
note-style-estimated = Nét đứt, điểm hình thoi rỗng: ước tính
note-style-break = Điểm vuông: chuỗi số liệu bị ngắt
note-new-boundaries = Địa giới mới từ { $date }: số liệu các tỉnh trước và sau thời điểm này là của các địa bàn khác nhau
note-log-drops = Giá trị bằng 0 và giá trị âm không biểu diễn được trên thang logarit nên được lược bỏ
footer-source = Nguồn: { $citation }
footer-licence = Giấy phép { $licence }
footer-note = Ghi chú: { $text }
footer-more-notes = … và { $count } ghi chú khác trong Chiso
hover-source = Nguồn: { $source }
hover-note = Ghi chú: { $note }

## Xếp hạng

ranking-better-than-nation = Tốt hơn mức cả nước
ranking-worse-than-nation = Kém hơn mức cả nước
ranking-year-since = { $year }, so với { $since }
ranking-boundaries-of = theo địa giới từ { $date }
ranking-national = Mức cả nước
estimate-from-parts = Ước tính theo địa giới năm { $year }, tính từ { $parts }
note-estimates-on-new-boundaries = { $count } thanh rỗng, viền nét đứt: ước tính theo địa giới từ { $date }, tính từ số liệu của các tỉnh hợp thành mỗi đơn vị
note-no-data = Không có số liệu: { $areas }
ranking-estimate-legend = Ước tính theo địa giới năm { $year }
table-rank = Hạng
table-province = Tỉnh, thành phố
table-region = Vùng
table-change-since = Thay đổi so với { $year }
table-gap-nation = Chênh lệch so với cả nước
table-gap-target = Chênh lệch so với mục tiêu
table-note = Ghi chú
note-tentative-figures = Số liệu { $status }: { $areas }
note-series-on-new-boundaries = { $series } trước { $date }: ước tính theo địa giới từ { $date } (điểm rỗng, nét đứt), tính từ số liệu của các tỉnh hợp thành mỗi đơn vị
estimate-on-boundaries = ước tính theo địa giới năm { $year }
chart-new-boundaries-mark = địa giới mới từ { $date }
workbook-title = Số liệu xuất từ Chiso
workbook-comment = Mỗi chỉ tiêu một trang (năm theo dòng, chuỗi số liệu theo cột), toàn bộ số liệu ở dạng dài của Chiso và các nguồn.
workbook-sheet-long = Tất cả số liệu
workbook-sheet-sources = Nguồn số liệu
workbook-unit = Đơn vị tính: { $unit }
workbook-sources = Nguồn: { $sources }
workbook-notes-key = Ô tô màu là số liệu ước tính, sơ bộ, xấp xỉ hoặc có chú thích: ghi chú của ô nói rõ.
workbook-year = Năm
workbook-source-code = Mã
workbook-source-name = Tên ngắn
workbook-source-publisher = Cơ quan công bố
workbook-source-title = Tên ấn phẩm
workbook-source-edition = Lần xuất bản
workbook-source-published = Ngày công bố
workbook-source-url = Địa chỉ
workbook-source-citation = Trích dẫn
workbook-source-licence = Giấy phép
deck-title-page = { $date } · { $count } trang trình chiếu · lập bằng Chiso
deck-document-title = Các chỉ tiêu: { $file }
form-sheet-instructions = Hướng dẫn
form-unit = Đơn vị tính
form-source = Nguồn
form-subgroup = Phân tổ
form-fill = Điền các ô màu vàng; các ô khác đã khóa
form-year = Năm
form-area = Địa bàn
form-area-code = Mã địa bàn
form-value = Giá trị
form-status = Tình trạng
form-note = Ghi chú
form-status-error = Chọn một tình trạng trong danh sách
form-value-range = Giá trị hợp lệ: từ { $low } đến { $high }
form-instructions-title = Hướng dẫn điền biểu mẫu
form-instructions = Biểu mẫu này dùng để báo cáo chỉ tiêu "{ $indicator }" cho { $for }, để nhập vào tệp { $database } của Chiso.
    1. Trên trang { $sheet }, điền số liệu vào cột "Giá trị" ở các ô màu vàng, mỗi dòng một địa bàn và một năm. Số liệu đã có trong tệp được ghi sẵn và khóa.
    2. Gõ số theo cách của máy tính của anh/chị (0,766 hoặc 334.000 với cài đặt tiếng Việt). Excel chỉ nhận giá trị trong khoảng hợp lệ của chỉ tiêu.
    3. Nếu số liệu là ước tính, sơ bộ hay dự báo, chọn ở cột "Tình trạng"; ghi nguồn gốc hoặc giải thích ở cột "Ghi chú".
    4. Không đổi tên trang, không thêm hay xóa cột, không xóa trang ẩn: Chiso dùng chúng để nhận biết biểu mẫu.
    5. Lưu tệp (.xlsx) và gửi về cơ quan đầu mối. Ở đó, lệnh "chiso import" kiểm tra từng ô như khi nhập trực tiếp: giá trị ngoài khoảng hợp lệ bị từ chối, giá trị bất thường được cảnh báo, kèm địa chỉ ô (ví dụ { $sheet }!D7).
map-no-data = Không có số liệu
map-attribution = Ranh giới: geoBoundaries VNM-ADM1-63759600 (geoBoundaries, Wikipedia; phạm vi công cộng; Runfola và cộng sự 2020, PLoS ONE 15(4): e0231866), được Chiso mã hóa lại và hợp nhất thành các đơn vị năm 2025; quần đảo Hoàng Sa và Trường Sa: Natural Earth (phạm vi công cộng).
note-estimates-on-map = { $count } tỉnh, thành phố gạch chéo: ước tính theo địa giới từ { $date }, tính từ số liệu của các tỉnh hợp thành mỗi đơn vị
