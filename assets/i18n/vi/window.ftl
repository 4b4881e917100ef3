# Các từ ngữ của cửa sổ, bằng tiếng Việt. Mỗi thông điệp ở đây cũng có trong
# en/window.ftl (tests/translations.rs). Số truyền vào ($count…) được Chiso viết theo
# cách của ngôn ngữ; thuật ngữ theo docs/GLOSSARY.md.

## Lệnh (trình đơn, nút, phím tắt)

action-open = Mở…
action-backups = Sao lưu…
action-import = Nhập dữ liệu…
action-export-chart = Xuất biểu đồ…
action-export-chart-data = Xuất số liệu của biểu đồ…
action-export-all-data = Xuất toàn bộ số liệu…
action-export-deck = Xuất bộ trình chiếu…
action-quit = Thoát
action-manage-lists = Quản lý danh mục…
action-present = Trình chiếu
action-undo = Hoàn tác
action-redo = Làm lại

## Thanh trình đơn

menu-file = Tệp
menu-open-recent = Mở tệp gần đây
menu-no-recent-files = Chưa có tệp nào
menu-editor = Biên tập
menu-view = Hiển thị
menu-language = Ngôn ngữ
menu-light-theme = Nền sáng
menu-dark-theme = Nền tối
menu-read-only = chỉ đọc
editor-name = Tên của bạn, ghi vào nhật ký thay đổi
editor-keep-name = Giữ tên này

## Cửa sổ chính

window-title = { $file } — Chiso
window-title-read-only = { $file } (chỉ đọc) — Chiso
no-database = Chưa mở cơ sở dữ liệu nào
no-database-hint = Chọn Tệp, Mở…, hoặc kéo thả một cơ sở dữ liệu Chiso vào cửa sổ này
conflict-use-mine = Dùng giá trị của tôi
conflict-keep-theirs = Giữ giá trị kia
read-only-because = Chỉ đọc: { $reason }
dismiss = Đóng
tab-chart = Biểu đồ
tab-table = Bảng
tab-edit = Nhập liệu
tab-audit = Nhật ký thay đổi
file-chart-stem = bieu-do

## Tệp và hộp thoại chọn tệp

pick-open-database = Mở cơ sở dữ liệu Chiso
pick-import = Nhập số liệu
pick-save-chart = Xuất biểu đồ
pick-save-chart-data = Xuất số liệu của biểu đồ
pick-save-all-data = Xuất toàn bộ số liệu
pick-deck-folder = Xuất bộ trình chiếu vào thư mục
pick-deck-pdf = Xuất bộ trình chiếu ra tệp PDF
file-deck-stem = bo-trinh-chieu
deck-as-pdf = { $language }: một tệp PDF (trang bìa, mỗi trang một biểu đồ)…
deck-as-pictures = { $language }: ảnh PNG vào một thư mục…
deck-pdf-written = Đã ghi bộ trình chiếu { $count } trang vào { $path }
file-chart-data = so-lieu-bieu-do
file-all-data = toan-bo-so-lieu
file-deck-folder = trinh-chieu
filter-database = Cơ sở dữ liệu Chiso
filter-figures = Số liệu (CSV, JSON, Excel)
filter-all-files = Mọi tệp
filter-csv = CSV (mở được bằng Excel)
filter-workbook = Sổ tính Excel
prompt-no-dialog = Không mở được hộp thoại chọn tệp trên máy này (cần XDG desktop portal hoặc zenity). Hãy gõ đường dẫn.
prompt-several-files = Nhiều tệp: phân cách bằng dấu ;
prompt-path = Đường dẫn
ok = Đồng ý
cancel = Hủy
close = Đóng

## Kết quả thao tác vừa làm

chart-saved = Đã lưu biểu đồ vào { $path }
chart-copied = Đã sao chép biểu đồ: hãy dán vào bài trình chiếu
data-written = Đã ghi { $count } số liệu vào { $path }
deck-written = Đã ghi { $count } trang trình chiếu vào { $path }
record-saved = Đã lưu
import-refused = Không nhập được: { $reason }

## Danh mục chỉ tiêu

catalogue-filter = Lọc
catalogue-filter-hint = tên hoặc mã, gõ có dấu hay không dấu đều được
catalogue-no-match = Không có chỉ tiêu nào khớp với “{ $filter }”
catalogue-other-theme = Khác
catalogue-no-figures = chưa có số liệu
catalogue-add-to-chart = Thêm vào biểu đồ

## Thẻ số liệu nổi bật

card-no-figures = Chưa có số liệu
progress-unmeasurable = không đánh giá được tiến độ

## Bộ trình chiếu

deck-heading = Bộ trình chiếu ({ $count } biểu đồ)
deck-new-name = Tên mới
deck-show-view = Xem biểu đồ này
deck-move-up = Chuyển lên
deck-move-down = Chuyển xuống
deck-rename = Đổi tên
deck-delete = Xóa
deck-view-menu = Chuyển, đổi tên hoặc xóa
deck-view-name = Tên biểu đồ
deck-save-view = Lưu biểu đồ

## Điều khiển biểu đồ

chart-count-provinces = { $count } tỉnh, thành phố
chart-count-regions = { $count } vùng
chart-count-areas = { $count } địa bàn
legend-muted = và { $count } chuỗi khác, màu xám
chart-kind-trend = Theo thời gian
chart-kind-ranking = Xếp hạng các tỉnh
chart-kind-map = Bản đồ
map-widget = Bản đồ các tỉnh
map-beside = Đặt cạnh năm
chart-kind-ranking-none = Chỉ tiêu này không có số liệu theo tỉnh để xếp hạng
ranking-year = Năm
ranking-since = So với năm
ranking-since-none = không
ranking-boundaries = Địa giới
ranking-boundaries-of-year = của năm đó
ranking-colour-region = Màu theo vùng
ranking-colour-nation = Tốt hơn hay kém hơn cả nước
chart-series-menu = Chuỗi số liệu…
series-picker-title = Các chuỗi số liệu của chỉ tiêu này
series-picker-find = Tìm
series-picker-search = địa bàn, vùng, phân tổ hoặc nguồn; gõ có dấu hay không dấu đều được
series-picker-chosen = đã chọn { $count }
series-picker-tick-all = Chọn tất cả đang hiện ({ $count })
series-picker-untick-all = Bỏ chọn tất cả đang hiện ({ $count })
series-picker-none = Không có chuỗi số liệu nào khớp
series-picker-estimates = ước tính từ các tỉnh hợp thành
series-picker-offer-estimates = Liệt kê cả { $count } chuỗi của các đơn vị lập từ { $date }, ước tính cho các năm trước từ các tỉnh hợp thành
series-picker-outside-years = { $count } chuỗi không có số liệu trong { $from }–{ $to } không được liệt kê: mở rộng khoảng năm để thấy.
chart-values = Giá trị
chart-index = Chỉ số
chart-change = % thay đổi
chart-base-year = năm gốc
chart-log-scale = Thang logarit
chart-years = Năm
chart-years-to = đến
chart-all-years = Mọi năm
chart-nothing-to-plot = Chưa có gì để vẽ: chọn chuỗi số liệu trong “Chuỗi số liệu…”

## Ô nguồn và bảng

sources-heading = Nguồn
sources-none = Không có số liệu nào trên màn hình
sources-licence = Giấy phép: { $licence }
table-period = Kỳ
table-change = Thay đổi
table-change-percent = Thay đổi %

## Nhập liệu

grid-choose-indicator = Chọn một chỉ tiêu để sửa số liệu
grid-add-column-first = Thêm một cột (địa bàn, phân tổ, nguồn) để nhập số liệu của chỉ tiêu này
grid-add-year = Thêm năm
grid-keys-hint = Enter hoặc Tab để sang ô kế · Esc để hủy · dán được cả khối từ bảng tính · Ctrl+Z để hoàn tác
grid-check = Cần kiểm tra: { $reason }
grid-open-warnings = Cảnh báo chưa xử lý ({ $count })
grid-year = Năm
grid-rows = { $count } dòng
grid-status = Tình trạng
grid-qualifier = Mức chính xác
grid-footnote = Chú thích
grid-apply-flags = Áp dụng
area-valid-until = đến { $date }
area-valid-from = từ { $date }
area-valid-between = từ { $from } đến { $until }
grid-add-column = Thêm một cột
grid-area = Địa bàn
grid-subgroup = Phân tổ
grid-source = Nguồn
grid-add-column-button = Thêm cột
grid-refused = Không nhận “{ $typed }”: { $reason }
check-implausible = { $value } nằm ngoài khoảng hợp lý của { $indicator } ({ $low } đến { $high }): đã lưu, đề nghị kiểm tra lại
check-jump = { $value } chênh lệch hơn 50% so với { $previous } của năm { $year }: đã lưu, đề nghị kiểm tra lại

## Nhật ký thay đổi

audit-only-this = Chỉ chỉ tiêu này
audit-editor = Người sửa
audit-anyone = mọi người
audit-when = Thời điểm (giờ địa phương)
audit-who = Người sửa
audit-what = Nội dung
audit-year = Năm
audit-values = Giá trị cũ, giá trị mới
audit-change = { $action } { $table } #{ $row }
# A figure's change, named: “changed: Under-five mortality rate · Hà Giang · Total · GSO, Sep 2018”.
audit-change-figure = { $action }: { $figure }
audit-insert = Thêm
audit-update = Sửa
audit-delete = Xóa
audit-table-observation = số liệu
audit-table-indicator = chỉ tiêu
audit-table-unit = đơn vị tính
audit-table-area = địa bàn
audit-table-subgroup = phân tổ
audit-table-source = nguồn
audit-table-target = mục tiêu
audit-table-saved_view = biểu đồ đã lưu
audit-old-new = { $old }, sau đó { $new }
audit-revert = Hoàn lại
audit-revert-tip = Hoàn lại thay đổi #{ $id }

## Xuất biểu đồ

export-title = Xuất biểu đồ
export-preview = Xem trước tệp sẽ lưu
export-language = Ngôn ngữ
export-chart-title = Tiêu đề
export-note = Ghi chú dưới biểu đồ
export-value-labels = Ghi giá trị trên biểu đồ
export-subtitle = Tiêu đề phụ
export-format = Định dạng
export-svg = SVG (sửa được chữ)
export-size = Kích thước
export-preset-wide = 16:9 ({ $size })
export-preset-standard = 4:3 ({ $size })
export-preset-square = Vuông ({ $size })
export-scale = Tỷ lệ phóng
export-background = Nền
export-light = Sáng (cho máy chiếu)
export-dark = Tối
export-save = Lưu…
export-copy = Sao chép biểu đồ

## Nhập số liệu

import-areas = Địa bàn
import-areas-hint = mã, ví dụ VNM, THA (để trống: các địa bàn đã có)
import-indicators = Chỉ tiêu
import-indicators-hint = mã trong tệp, ví dụ hdi, le (để trống: các mã khớp)
format-chiso-csv = CSV dạng dài của Chiso
format-wdi-csv = CSV tải toàn bộ WDI của Ngân hàng Thế giới
format-wb-api-json = JSON API v2 của Ngân hàng Thế giới
format-undp-hdr-csv = CSV chỉ số tổng hợp UNDP HDR
format-owid-csv = CSV biểu đồ của Our World in Data
format-px-web = bảng PX-Web của Tổng cục Thống kê (phân cách bằng dấu chấm phẩy)
format-sdmx-csv = tệp SDMX-CSV
format-who-gho-csv = CSV tải toàn bộ WHO GHO
format-who-gho-json = JSON OData WHO GHO
format-ilostat-csv = CSV ILOSTAT
format-gso-table = biểu số liệu của Tổng cục Thống kê
format-workbook = sổ tính Excel hoặc OpenDocument
import-sheet = Trang tính
import-sheet-first = trang đầu tiên Chiso đọc được
import-unit = Đơn vị của số liệu
import-unit-hint = tệp không ghi đơn vị, ví dụ % hoặc phần nghìn trẻ đẻ sống
import-same-name = “{ $key }” trùng tên với { $code } trong cơ sở dữ liệu, với đơn vị tương thích: để nhập vào đó, chọn { $code } ở mục “hoặc gán vào…” bên dưới; để giữ riêng, đánh dấu “Tạo”
import-replace = Ghi đè số liệu khác với số liệu đã lưu của cùng nguồn
import-checking = Đang kiểm tra…
import-importing = Đang nhập…
import-stale = Các lựa chọn đã đổi từ lần kiểm tra này: hãy kiểm tra lại trước khi nhập.
import-check-again = Kiểm tra lại
import-skip-problems = Bỏ qua các dòng có lỗi
import-again = Nhập lại
import-run = Nhập
import-would = Sẽ thêm { $added }, thay đổi { $changed }, giữ nguyên { $unchanged }; bỏ qua { $skipped }; thiếu { $missing } giá trị
import-not-read = không đọc được
import-file-source = { $file }: { $format }, nguồn { $source }
import-skipped = Bỏ qua { $count }: { $reason }
import-left-out-problems = { $count } ô lỗi ở các dòng, cột không nhập (địa bàn, nhóm nước hoặc chỉ tiêu không được chọn), bỏ qua
import-outcome-dry-run = Xem trước: chưa ghi gì
import-outcome-unreadable = Không có gì để nhập: { $count } tệp không đọc được (xem bên dưới); cơ sở dữ liệu giữ nguyên
import-outcome-problems = Chưa nhập: đầu vào có { $count } lỗi (sửa các lỗi, hoặc bỏ qua các dòng có lỗi)
import-outcome-only-problems = Chưa nhập gì: mọi số liệu đều có lỗi ({ $count }, đã bỏ qua)
import-outcome-imported = Đã nhập: thêm { $added }, thay đổi { $changed }
import-outcome-up-to-date = Đã cập nhật đầy đủ: { $count } số liệu không đổi
import-outcome-all-left-out = Không có gì để nhập: cả { $count } số liệu đều bị bỏ qua (chủ yếu: { $reason })
import-outcome-no-figures = Không có gì để nhập: các tệp không có số liệu
import-skip-not-chosen = chưa chọn chỉ tiêu `{ $key }`
import-skip-not-in-database = chỉ tiêu chưa có trong cơ sở dữ liệu và chưa được chọn (chọn để tạo mới, hoặc ghép vào một chỉ tiêu đã có)
import-skip-unconvertible = `{ $key }` tính bằng { $from } nhưng { $code } tính bằng { $to }, Chiso không quy đổi được
import-skip-no-area-code = không có mã ISO3 (một vùng hay nhóm nước không có mã)
import-skip-aggregate = nhóm nước (khu vực hoặc nhóm thu nhập) chưa được chọn
import-skip-area = địa bàn chưa có trong cơ sở dữ liệu và chưa được chọn
import-skip-area-name-unknown = cơ sở dữ liệu không có địa bàn mang tên đó (liệt kê bên dưới)
import-unknown-areas = { $count } tên địa bàn không khớp với địa bàn nào trong cơ sở dữ liệu (hãy thêm, hoặc nhập theo mã): { $names }
import-skip-area-name-ambiguous = có hai địa bàn trong cơ sở dữ liệu cùng tên `{ $name }`: hãy nhập theo mã
import-note-no-figures = { $file }: tệp không có số liệu (chỉ có dòng tiêu đề?); không lấy gì từ tệp
import-note-converted = { $file }: giá trị của `{ $key }` được quy đổi từ { $from } sang { $to } (×{ $factor }) cho khớp với { $code }
import-note-imported-as = { $file }: `{ $key }` được nhập thành { $code }
import-note-not-numeric = { $file }: cột `{ $column }` không phải chỉ tiêu (siêu dữ liệu ghi là { $kind }, không phải biến số)
import-note-not-described = { $file }: cột `{ $column }` không phải chỉ tiêu (siêu dữ liệu không mô tả cột này)
import-note-new-indicator = chỉ tiêu mới { $code }: { $name }
import-note-new-area = địa bàn mới { $code }: { $name }
import-note-new-source = nguồn mới { $code }: { $publisher } — { $title } ({ $edition })
import-unmatched = Chỉ tiêu chưa có trong cơ sở dữ liệu ({ $count })
import-create = Tạo { $code }: { $name }
import-map-onto = hoặc gán vào…
import-no-mapping = (không gán)
import-problems = { $count } lỗi
import-copy-problems = Sao chép danh sách lỗi
sort-ascending = tăng dần
sort-descending = giảm dần
problem-file = Tệp
problem-line = Dòng
problem-column = Cột
problem-value = Giá trị
problem-reason = Lý do

## Quản lý danh mục

forms-title = Quản lý danh mục
forms-confirm-delete = Có { $count } số liệu hoặc chỉ tiêu dùng bản ghi này. Xóa cả bản ghi và chúng?
forms-delete-all = Xóa tất cả
forms-keep = Giữ lại
forms-save = Lưu
forms-new = Thêm mới
forms-edit = Sửa
forms-edit-record = Sửa { $name }
forms-delete = Xóa
forms-delete-record = Xóa { $name }
forms-code-of-unit = mã đơn vị tính
forms-code-of-area = mã địa bàn
forms-code-of-subgroup = mã phân tổ
forms-code-of-indicator = mã chỉ tiêu
list-indicator = Chỉ tiêu
list-unit = Đơn vị tính
list-area = Địa bàn
list-subgroup = Phân tổ
list-source = Nguồn
list-target = Mục tiêu
field-code = Mã
field-name-in-vietnamese = Tên tiếng Việt
field-name-in-english = Tên tiếng Anh
field-symbol = Ký hiệu
field-symbol-in-vietnamese = Ký hiệu tiếng Việt
field-short-name-in-vietnamese = Tên ngắn tiếng Việt
field-short-name-in-english = Tên ngắn tiếng Anh
field-unit = Đơn vị tính
field-decimals = Số chữ số thập phân
field-direction = Chiều đánh giá
field-valid-from = Giá trị hợp lệ từ
field-valid-to = Giá trị hợp lệ đến
field-plausible-from = Giá trị hợp lý từ
field-plausible-to = Giá trị hợp lý đến
field-theme-in-vietnamese = Lĩnh vực (tiếng Việt)
field-theme-in-english = Lĩnh vực (tiếng Anh)
field-sdg-target = Mục tiêu SDG
field-description-in-vietnamese = Mô tả tiếng Việt
field-description-in-english = Mô tả tiếng Anh
field-parent = Trực thuộc
field-level = Cấp
field-gso-code = Mã đơn vị hành chính
field-area-valid-from = Hiệu lực từ (YYYY-MM-DD)
field-area-valid-until = Hiệu lực đến (YYYY-MM-DD)
field-dimension = Tiêu thức phân tổ
field-publisher-in-vietnamese = Cơ quan công bố (tiếng Việt)
field-publisher-in-english = Cơ quan công bố (tiếng Anh)
field-title-in-vietnamese = Tên ấn phẩm tiếng Việt
field-title-in-english = Tên ấn phẩm tiếng Anh
field-edition-in-vietnamese = Ấn bản (tiếng Việt)
field-edition-in-english = Ấn bản (tiếng Anh)
field-published = Ngày công bố
field-url = Địa chỉ URL
field-citation = Trích dẫn
field-licence = Giấy phép
field-indicator = Chỉ tiêu
field-area = Địa bàn
field-subgroup = Phân tổ
field-baseline-year = Năm cơ sở
field-baseline-value = Giá trị cơ sở
field-target-year = Năm mục tiêu
field-target-value = Giá trị mục tiêu
field-reference = Văn bản tham chiếu
choice-by-unit = theo đơn vị tính
choice-sum = cộng (số đếm: nhà, người)
choice-weighted-mean = bình quân gia quyền (tỷ lệ, tỷ suất)
choice-none = không tính (chỉ số như HDI, thứ hạng)
field-aggregation = Số liệu của các tỉnh hợp nhất
field-weighted-by = Quyền số
choice-higher-is-better = càng cao càng tốt
choice-lower-is-better = càng thấp càng tốt
choice-neutral = không xác định
choice-world = thế giới
choice-aggregate = nhóm nước
choice-country = quốc gia
choice-region = vùng
choice-province = tỉnh, thành phố
choice-district = huyện
choice-commune = xã

## Lỗi khi mở tệp

open-missing = { $path }: không có tệp này. Kiểm tra lại đường dẫn, hoặc tạo cơ sở dữ liệu bằng `chiso new FILE`
open-directory = { $path }: là thư mục, không phải tệp cơ sở dữ liệu. Hãy chọn một tệp trong đó
open-not-a-file = { $path }: không phải tệp thông thường (là pipe, socket hoặc thiết bị) nên không phải cơ sở dữ liệu. Hãy mở một tệp cơ sở dữ liệu
open-empty = { $path }: tệp rỗng, không phải cơ sở dữ liệu Chiso. Tạo mới bằng `chiso new FILE`
open-not-sqlite = { $path }: không phải cơ sở dữ liệu SQLite ({ $looks-like }). Hãy mở một cơ sở dữ liệu Chiso, hoặc tạo mới bằng `chiso new FILE`
open-foreign = { $path }: cơ sở dữ liệu SQLite của ứng dụng khác (các bảng: { $tables }), không phải tệp Chiso. Tệp không bị thay đổi. Hãy mở một cơ sở dữ liệu Chiso, hoặc tạo mới bằng `chiso new FILE`
open-corrupt = { $path }: cơ sở dữ liệu bị hỏng ({ $detail }). Tệp không bị thay đổi. { $advice }
open-interrupted = { $path }: một chương trình khác đang ghi vào cơ sở dữ liệu thì dừng lại, và thay đổi dở dang của nó vẫn còn trong tệp -journal bên cạnh. Hãy mở tệp để sửa một lần, SQLite sẽ hoàn tác thay đổi đó
open-interrupted-read-only = { $path }: một chương trình khác đang ghi vào cơ sở dữ liệu thì dừng lại, và thay đổi dở dang của nó vẫn còn trong tệp -journal bên cạnh. SQLite chỉ hoàn tác được thay đổi đó khi tệp ghi được: hãy cho phép ghi tệp (hoặc chép tệp cùng tệp -journal sang một thư mục ghi được) rồi mở lại
open-locked = { $path }: cơ sở dữ liệu đang bị chương trình khác khóa. Hãy đóng chương trình đó (hoặc chờ nó xong) rồi thử lại
open-unreadable = { $path }: không đọc được ({ $detail }). Kiểm tra đường dẫn và quyền truy cập tệp
open-exists = { $path }: đã có tệp này. Chiso không ghi đè: hãy chọn tên khác
open-sqlite = { $path }: { $detail }

## Tệp chỉ mở để xem

read-only-file = tệp chỉ cho phép đọc nên chỉ mở để xem. Muốn sửa, hãy cho phép ghi (hoặc lưu một bản sao) rồi mở lại
read-only-newer = tệp do phiên bản Chiso mới hơn ghi (lược đồ phiên bản { $found }; Chiso này chỉ biết đến { $known }) nên chỉ mở để xem. Hãy cập nhật Chiso để sửa
read-only-medium = tệp nằm trên ổ đĩa không ghi được (đĩa CD, hoặc ổ chỉ đọc) nên chỉ mở để xem. Muốn sửa, hãy chép tệp sang một thư mục ghi được
read-only-medium-log = tệp nằm trên ổ đĩa không ghi được (đĩa CD, hoặc ổ chỉ đọc) nên chỉ mở để xem, và không đọc được các thay đổi mới nhất trong tệp -wal của nó. Hãy chép cả hai tệp sang một thư mục ghi được để xem và sửa
read-only-requested = chỉ mở để xem
read-only-damaged = SQLite phát hiện tệp bị hỏng ({ $detail }) nên chỉ mở để xem, không ghi được gì vào tệp. { $advice }
backup-advice-newest = Bản sao lưu tốt mới nhất là { $backup }: dùng Tệp › Sao lưu… để khôi phục (tệp bị hỏng cũng được giữ lại thành một bản sao lưu)
backup-advice-none = Không tìm thấy bản sao lưu nào của tệp: hãy khôi phục từ một bản sao bạn giữ
read-only-foreign-objects = tệp có trigger, view, chỉ mục hoặc thống kê truy vấn không do Chiso tạo ({ $objects }{ $more ->
    [0] {""}
   *[other] {" "}và { $more } mục khác
  }); chúng có thể sửa hoặc xóa số liệu mỗi khi tệp được ghi, hoặc làm chậm mọi lần đọc, nên tệp chỉ mở để xem và chúng không được chạy. Muốn sửa, hãy xem chúng bằng `sqlite3 FILE .schema` và xóa nếu không cần, hoặc chép số liệu sang tệp mới bằng `chiso export-data` và `chiso import`

## Lỗi khi đọc, ghi

store-read-only = không sửa được cơ sở dữ liệu này: { $reason }
store-unknown-indicator = không có chỉ tiêu mã `{ $code }`
store-unknown-area = không có địa bàn mã `{ $code }`
store-unknown-subgroup = không có phân tổ mã `{ $code }`
store-unknown-source = không có nguồn mã `{ $code }`
store-nothing-to-draw = { $indicator } không có số liệu để vẽ
store-at-line = { $file }, dòng { $line }: { $error }
store-busy = cơ sở dữ liệu đang bận: chương trình khác đang ghi. Hãy thử lại sau giây lát
store-cancelled = đã hủy nhập: không có gì thay đổi
store-write = không ghi được { $path }: { $detail }
store-conflict = xung đột: số liệu hiện là { $current }, không phải { $expected } như trước; đã có người sửa trong lúc này. Chưa ghi gì: hãy xem cả hai giá trị rồi nhập lại
value-missing = trống
store-corrupt = cơ sở dữ liệu bị hỏng ({ $detail }). Không có gì thay đổi. Tệp › Sao lưu… liệt kê các bản sao lưu và khôi phục một bản
store-backup = không sao lưu được cơ sở dữ liệu trước thay đổi này ({ $detail }). Không có gì thay đổi. Hãy giải phóng dung lượng, hoặc chọn nơi khác để lưu bản sao lưu trong Tệp › Sao lưu…
store-wrong-type = một giá trị trong tệp không đúng loại Chiso lưu ở đó ({ $detail }): chương trình khác đã sửa tệp mà không qua kiểm tra của Chiso. Không có gì thay đổi. Hãy sửa dòng đó bằng `sqlite3 FILE`, hoặc khôi phục tệp từ bản sao lưu
store-sqlite = lỗi cơ sở dữ liệu: { $detail }

## Số liệu không được ghi

refused-year = { $year } không phải năm Chiso lưu được (1000 đến 9999); chưa ghi gì
refused-not-a-number = không phải là số
refused-typed = { $indicator } năm { $year }: { $reason }
refused-too-large = { $value } quá lớn: Chiso lưu giá trị trong khoảng -1e300 đến 1e300; chưa ghi gì
refused-outside-range = { $value } nằm ngoài khoảng hợp lệ của { $indicator } ({ $low } đến { $high }); chưa ghi gì
refused-no-country = tệp chưa có địa bàn cấp quốc gia, nên phải nêu địa bàn của số liệu
refused-no-source = mỗi số liệu cần có nguồn, mà chưa nêu nguồn nào và trước đó cũng chưa dùng nguồn nào
refused-already-stored = { $figure }: ô này đã có số liệu của nguồn này
refused-not-allowed = { $figure }: { $detail }
revert-no-such-change = không có thay đổi #{ $id } trong nhật ký
revert-not-a-figure = ở đây chỉ hoàn lại được thay đổi của số liệu
revert-figure-gone = số liệu không còn nữa: không có gì để hoàn lại
revert-cell-taken = ô đó đã có số liệu trở lại: hãy sửa trực tiếp
revert-not-revertible = thay đổi này không hoàn lại được
record-no-such-list = không có danh mục { $table }
record-needed = cần nhập { $field }
record-number = { $field }: { $reason }
record-not-whole = { $field }: “{ $text }” không phải số nguyên
record-not-a-choice = { $field }: hãy chọn một trong { $choices }
record-no-such-code = { $field }: không có { $table } mã “{ $code }”
record-code-taken = đã có bản ghi khác dùng mã này
record-not-allowed = giá trị không được phép ở đây ({ $detail })
record-in-use = có { $count } số liệu hoặc chỉ tiêu đang dùng: chưa xóa gì
record-still-used = không xóa được: còn bản ghi khác đang dùng ({ $detail })
view-no-name = biểu đồ cần có tên
view-name-taken = đã có biểu đồ tên “{ $name }”
view-not-saved = không lưu được biểu đồ ({ $detail })
generate-no-indicators = cần ít nhất một chỉ tiêu
generate-too-many = { $count } số liệu không vừa số chỉ tiêu, chuỗi và năm đã chọn: hãy tăng số chỉ tiêu

## Số gõ không đọc được

numbers-way-en = tiếng Anh
numbers-way-vi = tiếng Việt
number-empty = chưa nhập số
number-other-convention = “{ $text }” không phải số viết theo kiểu { $way } ({ $example }); hãy viết là { $expected }
number-not-in-convention = “{ $text }” không phải số viết theo kiểu { $way } ({ $example })
number-not-plain = “{ $text }” không phải số viết trơn: hãy dùng dấu chấm thập phân và không phân nhóm (0.77, 334000)
number-invalid = “{ $text }” không phải là số
number-too-large = “{ $text }” quá lớn: Chiso lưu giá trị trong khoảng -1e300 đến 1e300

## Lỗi khi xuất

export-write = không ghi được { $detail }
export-too-small = kích thước { $width } × { $height } quá nhỏ cho biểu đồ: tối thiểu 320 × 240
export-too-large = kích thước { $width } × { $height } quá lớn: tối đa 16.000 điểm ảnh mỗi cạnh
export-raster = không vẽ được ảnh PNG: { $detail }
export-pdf = không tạo được tệp PDF: { $detail }
deck-empty = Bộ trình chiếu chưa có khung nhìn nào: hãy lưu khung nhìn của từng biểu đồ cần trình bày.
deck-folder = không tạo được thư mục { $path }: { $detail }
deck-slide = trang { $number } ({ $name }): { $error }

# Why an import could not read a row or a file.
reason-bad-csv = không phải tệp CSV hợp lệ: { $detail }
reason-bad-json = không phải tệp JSON hợp lệ: { $detail }
reason-no-header = tệp không có dòng tiêu đề
reason-no-wdi-header = không tìm thấy dòng tiêu đề bắt đầu bằng "Country Name"
reason-column-twice = dòng tiêu đề có hai cột `{ $column }`; chỉ giữ một cột, để rõ cột nào chứa số liệu
reason-no-column = thiếu cột `{ $column }`; dòng tiêu đề phải có { $required }
reason-no-period-column = thiếu cột `period` (hoặc `year`)
reason-not-a-period = không phải một năm (2023) hay một khoảng năm (2021-2025)
reason-not-a-year = không phải một năm
reason-not-a-yearly-date = quan sát { $at }: không phải một năm (không nhập số liệu quý và tháng)
reason-not-a-number = không phải một số
reason-in-observation = quan sát { $at }: { $reason }
reason-too-small = quá nhỏ để giữ chính xác (dưới 2,2e-308, số sẽ thành 0 hoặc mất chữ số): hãy ghi theo đơn vị lớn hơn
reason-past-header = { $count } ô nằm ngoài cột cuối của dòng tiêu đề: dòng không khớp với tiêu đề nên không đọc gì trong dòng. Hãy đặt giá trị có dấu phẩy trong ngoặc kép, hoặc ghi số thập phân bằng dấu chấm
reason-past-header-comma = { $count } ô nằm ngoài cột cuối của dòng tiêu đề; có vẻ là dấu phẩy thập phân: `{ $split }`. Dòng không khớp với tiêu đề nên không đọc gì trong dòng. Hãy đặt giá trị có dấu phẩy trong ngoặc kép, hoặc ghi số thập phân bằng dấu chấm
reason-stray-byte = byte 0x{ $byte } không phải UTF-8 (phần còn lại của tệp là UTF-8): hãy gõ lại ký tự hiện thành �, hoặc lưu tệp ở dạng UTF-8
reason-too-large = quá lớn: Chiso giữ các giá trị trong khoảng -1e300 đến 1e300
reason-short-row = dòng có { $cells } ô và kết thúc trước cột này (dòng tiêu đề có { $header }): có thể thiếu một dấu phân cách hoặc một dấu ngoặc kép
reason-too-long = dài { $chars } ký tự; Chiso chỉ giữ tối đa { $limit } ở đây: hãy rút ngắn
reason-not-utf8 = văn bản không phải UTF-8 hợp lệ: hãy lưu tệp ở dạng UTF-8
reason-unknown-status = tình trạng không rõ; dùng một trong { $detail }
reason-unknown-qualifier = ký hiệu kèm số không rõ; để trống hoặc dùng { $detail }
reason-no-code = trống: cần có mã
reason-hidden-in-name = tên có ký tự điều khiển hoặc ký tự ẩn (hiển thị dạng thoát), sẽ làm rối danh sách và màn hình dòng lệnh: hãy gõ lại
reason-hidden-character = mã có ký tự điều khiển hoặc ký tự ẩn (hiển thị dạng thoát): hãy gõ lại
reason-missing-value = thiếu giá trị
reason-no-iso3-column = thiếu cột iso3
reason-wb-api-not-a-list = không phải phản hồi API v2 của Ngân hàng Thế giới (cần một danh sách)
reason-wb-api-empty-list = không phải phản hồi API v2 của Ngân hàng Thế giới (danh sách trống)
reason-wb-api-data-not-a-list = không phải phản hồi API v2 của Ngân hàng Thế giới (phần số liệu không phải danh sách)
reason-wb-api-error = API của Ngân hàng Thế giới trả về lỗi thay cho số liệu: { $detail }. Mã chỉ tiêu có thể đã ngừng hoặc được lưu trữ: hãy tìm mã thay thế trên data.worldbank.org và tải lại. Chưa nhập gì từ tệp này
reason-wb-api-page = đây là trang { $page } trong { $pages } trang của phản hồi API: chỉ nhập số liệu của trang này. Hãy tải với per_page=20000 để có đủ
reason-wb-api-empty = phản hồi không có số liệu (phần số liệu trống)
reason-not-gho-odata = đây là JSON OData nhưng không phải phản hồi của API WHO GHO (không có danh sách số liệu `value`)
reason-owid-metadata-unreadable = không đọc được tệp siêu dữ liệu { $file } ({ $detail }): chưa rõ đơn vị và trích dẫn; hãy tải lại siêu dữ liệu của biểu đồ
reason-owid-no-metadata = không có tệp .metadata.json bên cạnh: chưa rõ đơn vị và trích dẫn; hãy tải cả siêu dữ liệu của biểu đồ, hoặc cho biết đơn vị của số liệu
reason-table-without-year = tiêu đề của biểu không ghi năm (thời điểm điều tra, như "…, 01/4/2019"): hãy thêm năm vào ô tiêu đề
reason-no-such-sheet = sổ tính không có trang `{ $sheet }`; các trang của nó là { $sheets }
reason-factor-against = { $value } gấp khoảng { $factor } lần số liệu của { $source } cho cùng ô ({ $other }): đơn vị đã cho có thể sai (phần trăm hay phần nghìn? nghìn hay đơn vị?); hãy kiểm tra, hoặc gán số liệu vào chỉ tiêu khác
reason-refused-by-constraints = bị các ràng buộc của cơ sở dữ liệu từ chối
reason-duplicate-row = dòng trùng trong tệp: lặp lại cùng chỉ tiêu, địa bàn, phân tổ và kỳ
reason-differs-from-stored = khác với số liệu đã lưu của nguồn này ({ $stored }); nhập với tuỳ chọn thay thế để ghi đè
reason-flags-differ-from-stored = chỉ khác số liệu đã lưu của nguồn này ở ký hiệu ({ $status } { $qualifier }); nhập với tuỳ chọn thay thế để ghi đè
reason-unknown-area = địa bàn `{ $code }` chưa có: hãy thêm trước, hoặc ghi tên trong cột area_name
reason-unknown-subgroup = phân tổ `{ $code }` chưa có
reason-unknown-source = nguồn `{ $code }` chưa có: hãy thêm trước, hoặc mô tả trong các cột source_*
reason-outside-valid-range = nằm ngoài khoảng hợp lệ ({ $low } đến { $high })
reason-unknown-format = không phải định dạng Chiso nhập được ({ $detail }). Chiso đọc tệp CSV dạng dài của chính nó, tệp CSV, Excel và JSON API của Ngân hàng Thế giới, tệp của UNDP HDR, Our World in Data, bảng PX-Web của Tổng cục Thống kê, SDMX-CSV, ILOSTAT và WHO GHO

# The audit log's name for an editor who gave none.
editor-unnamed = người sửa chưa ghi tên

## File › Backups…

backups-title = Bản sao lưu của tệp này
backups-explained = Chiso sao lưu tệp trước lần thay đổi đầu tiên của mỗi phiên làm việc, giữ 10 bản mới nhất và bản đầu tiên của mỗi tháng trong 12 tháng gần nhất.
backups-place = Nơi giữ bản sao lưu:
backups-place-data = trong thư mục dữ liệu của tôi
backups-place-beside = trong một thư mục cạnh tệp
backups-place-off = không giữ (tắt)
backups-folder = Thư mục: { $folder }
backups-off = Sao lưu đang tắt: không có bản sao nào được tạo trước khi thay đổi.
backups-none = Chưa có bản sao lưu nào: bản đầu tiên được tạo trước lần thay đổi đầu tiên của tệp.
backups-restore = Khôi phục…
backups-confirm = Khôi phục bản sao lưu lúc { $taken }? Tệp hiện tại được sao lưu trước, nên có thể quay lại nó theo cách tương tự.
backups-restore-yes = Khôi phục bản sao lưu này
backups-size = { $megabytes } MB
backups-restored = Đã khôi phục bản sao lưu { $backup }. Tệp trước đó được giữ lại thành một bản sao lưu.
backups-restore-failed = Chưa khôi phục được bản sao lưu, tệp không bị thay đổi: { $detail }
backups-place-not-saved = Không lưu được lựa chọn nơi giữ bản sao lưu cho các phiên sau: { $detail }
backups-busy-importing = Đang nhập dữ liệu: hãy khôi phục bản sao lưu khi việc nhập kết thúc.
backups-take-now = Sao lưu ngay
backups-taken = Đã sao lưu: { $backup }
backups-place-other = một thư mục khác (chọn ngoài cửa sổ này)
table-copy = Sao chép bảng (để dán vào bảng tính)
table-export = Xuất bảng ra sổ tính Excel…
workbook-empty = Không có số liệu nào để ghi.
form-make = Biểu mẫu cho các tỉnh…
form-make-hint = Sổ tính Excel để các tỉnh điền mà không cần Chiso: mỗi tỉnh một dòng cho năm trước, số liệu đã có được khóa, các ô cần điền có kiểm tra. Nhập lại bằng Tệp › Nhập số liệu….
pick-save-form = Lưu biểu mẫu
file-form-stem = bieu-mau
form-written = Đã ghi biểu mẫu { $count } dòng vào { $path }
form-imported = Đã nhập từ biểu mẫu: thêm { $added }, sửa { $changed }, ghi nhận là “{ $editor }”
form-unreadable = Không đọc được biểu mẫu: { $detail }
form-no-areas = Không có địa bàn cấp { $level } nào còn hiệu lực trong các năm đó.
form-no-source = { $code } chưa có chuỗi số liệu nào để lấy nguồn: hãy hiển thị một chuỗi trên biểu đồ trước.
form-import-title = Biểu mẫu { $file }
form-import-what = { $indicator } cho { $for }, nguồn { $source }, lập từ { $database }
form-import-counts = Sẽ thêm { $added }, sửa { $changed }, giữ nguyên { $unchanged }
form-cell-not-a-number = không phải là số
form-cell-ambiguous = đọc theo kiểu Việt và kiểu Anh ra hai số khác nhau: hãy gõ dưới dạng số
form-cell-unknown-status = không phải tình trạng trong danh sách
form-cell-row-changed = năm hoặc mã địa bàn của dòng đã bị sửa
form-import-blocked = { $count } ô cản việc nhập: sửa trong biểu mẫu rồi nhập lại.
form-import-run = Nhập các số liệu này
menu-help = Trợ giúp
help-shortcuts = Phím tắt
help-about = Giới thiệu Chiso
help-in-grid = { $action } (trong bảng của thẻ Nhập liệu)
help-keys-present = Khi trình chiếu: trang sau và trang trước, trang đầu và trang cuối, thoát
help-keys-present-keys = Mũi tên trái/phải  Phím cách  Home  End  Esc
help-keys-map = Trên bản đồ: năm trước và năm sau có số liệu
help-keys-map-keys = Mũi tên trái/phải
help-keys-grid = Trong bảng Nhập liệu: lưu ô và xuống dòng hoặc sang phải; bỏ phần vừa gõ
help-keys-grid-keys = Enter  Tab  Esc
help-about-what = Bảng theo dõi các chỉ tiêu an sinh xã hội, không cần mạng: mỗi số liệu kèm nguồn, các nguồn đặt cạnh nhau, bằng tiếng Việt và tiếng Anh.
help-about-licence = Chiso là phần mềm tự do theo giấy phép MIT hoặc Apache 2.0, tùy người dùng chọn.
help-about-fonts = Phông chữ: Noto Sans (thường và đậm), © The Noto Project Authors, theo giấy phép SIL Open Font License 1.1 (assets/fonts/OFL.txt).
help-about-boundaries = Ranh giới tỉnh: geoBoundaries (www.geoboundaries.org), ranh giới VNM-ADM1-63759600 (nguồn: geoBoundaries, Wikipedia; phạm vi công cộng). Runfola, D. và cộng sự (2020) geoBoundaries: A global database of political administrative boundaries. PLoS ONE 15(4): e0231866. Được dự án Chiso mã hóa lại và hợp nhất thành các đơn vị từ 1/7/2025.
help-about-islands = Quần đảo Hoàng Sa và quần đảo Trường Sa: Natural Earth 1:10m (phạm vi công cộng), được vẽ và ghi tên trên mọi bản đồ là lãnh thổ Việt Nam.
help-about-data = Nguồn, lần xuất bản và giấy phép của từng số liệu được ghi cạnh biểu đồ và trong mọi tệp xuất ra.
help-about-version = Chiso, phiên bản { $version }

## Bản sao và gói thay đổi (Tệp › Tạo bản sao cho…, Gửi thay đổi của tôi…, Hợp nhất thay đổi…)
menu-make-copy = Tạo bản sao cho…
menu-send-changes = Gửi thay đổi của tôi…
menu-merge-changes = Hợp nhất thay đổi…
pick-save-copy = Nơi lưu bản sao
pick-save-package = Nơi lưu gói thay đổi
pick-open-package = Gói thay đổi cần hợp nhất
filter-package = Gói thay đổi Chiso
file-package-stem = thay đổi gửi { $to }
exchange-copy-title = Tạo bản sao cho…
exchange-send-title = Gửi thay đổi của tôi
exchange-merge-title = Hợp nhất thay đổi
exchange-copy-what = Bản sao của tệp này cho một tỉnh hoặc một đơn vị. Bản sao nhớ nguồn gốc của nó: người nhập liệu gửi lại gói thay đổi (Tệp › Gửi thay đổi của tôi…) và bạn hợp nhất gói đó tại đây (Tệp › Hợp nhất thay đổi…).
exchange-copy-for = Cho ai (tỉnh, đơn vị)
exchange-choose-where = Chọn nơi lưu…
exchange-no-peer = Tệp này chưa trao đổi với tệp nào: hãy tạo bản sao trước (Tệp › Tạo bản sao cho…), hoặc mở bản sao bạn được gửi.
exchange-peer-origin = { $name } (tệp gốc của bản sao này)
exchange-peer-copy = { $name } (bản sao của tệp này)
exchange-send-to = Gửi cho
exchange-since-last = Các thay đổi từ gói gần nhất
exchange-since-copy = Mọi thay đổi từ khi tạo bản sao
exchange-last-sent = Gói gần nhất lập cho tệp đó: { $at }
exchange-merge-what = Từ “{ $from }”, người lập { $editor }, lập lúc { $made }, gửi “{ $to }”.
exchange-applied-before = Gói này đã được hợp nhất vào đây ngày { $at }: không còn gì để làm.
exchange-merge-counts = Thêm { $added }, sửa { $changed }, xoá { $deleted }; { $already } đã có ở đây; { $conflicts } xung đột.
exchange-missing = Tệp này chưa định nghĩa: { $what } “{ $code }”. Hãy định nghĩa (cùng mã) rồi hợp nhất lại.
exchange-conflicts = Xung đột: cùng bị sửa ở đây và ở bên gửi
exchange-both-changed = Cả hai bên đều sửa
exchange-both-added = Cả hai bên đều thêm, với giá trị khác nhau
exchange-deleted-here = Bên gửi sửa, ở đây đã xoá
exchange-deleted-there = Bên gửi xoá, ở đây đã sửa
exchange-started-from = Giá trị ban đầu của bên gửi
exchange-theirs = Của bên gửi
exchange-ours = Của ta (hiện tại)
exchange-use-theirs = Dùng của bên gửi
exchange-keep-ours = Giữ của ta
exchange-changes = Các thay đổi
exchange-more = … và { $count } thay đổi nữa
exchange-all-theirs = Dùng của bên gửi cho tất cả
exchange-all-ours = Giữ của ta cho tất cả
exchange-undecided = Còn { $count } xung đột cần chọn trước khi hợp nhất.
exchange-apply = Hợp nhất tất cả
exchange-no-row = (không có)
exchange-row-figure = Số liệu
exchange-row-target = Mục tiêu
exchange-row-source = Nguồn
exchange-row-view = Khung nhìn đã lưu
exchange-col-value = giá trị
exchange-col-status = trạng thái
exchange-col-qualifier = mức xấp xỉ
exchange-col-footnote = chú thích
exchange-col-baseline-year = năm gốc
exchange-col-baseline-value = giá trị gốc
exchange-col-target-value = mục tiêu
exchange-col-reference = căn cứ
exchange-col-position = vị trí trong bộ trình chiếu
exchange-col-spec = biểu đồ
exchange-col-short-name = tên ngắn
exchange-col-publisher = cơ quan công bố
exchange-col-title = tên ấn phẩm
exchange-col-edition = lần công bố
exchange-col-published = ngày công bố
exchange-copy-made = Đã tạo bản sao cho “{ $name }”: { $path }
exchange-sent = Đã ghi gói { $count } thay đổi gửi “{ $to }”: { $path }
exchange-applied = Đã hợp nhất { $count } thay đổi từ “{ $from }”, ghi vào nhật ký thay đổi dưới tên { $editor }.
exchange-error-exists = { $path }: đã có tệp ở đó. Hãy chọn tên khác; không tệp nào bị ghi đè.
exchange-error-not-a-package = { $path }: không phải gói thay đổi của Chiso ({ $why }).
exchange-error-checksum = { $path }: gói bị hỏng hoặc đã bị sửa sau khi lập (mã kiểm tra không khớp). Hãy đề nghị bên gửi gửi lại tệp.
exchange-error-other-database = Gói này thuộc một cơ sở dữ liệu khác: lập tại “{ $from }”, bản sao của cơ sở dữ liệu { $theirs }; tệp này là cơ sở dữ liệu { $ours }. Hãy hợp nhất vào tệp mà gói được lập cho (“{ $to }”).
exchange-error-own-package = Gói này được lập chính từ tệp này: hãy hợp nhất vào tệp mà gói được lập cho (“{ $to }”).
exchange-error-no-peer = Tệp này chưa trao đổi với tệp nào: hãy tạo bản sao trước (Tệp › Tạo bản sao cho…).
exchange-error-which-peer = Tệp này có nhiều bản sao ({ $names }): hãy chọn gói được lập cho bản sao nào.
exchange-error-unknown-peer = Không có bản sao nào của tệp này tên “{ $name }” (các bản sao: { $names }).
exchange-error-missing = Gói nhắc đến những mục tệp này chưa định nghĩa: { $list }. Gói mang số liệu, mục tiêu, nguồn và khung nhìn, không mang chỉ tiêu, địa bàn hay nhóm mới: hãy định nghĩa chúng ở đây với cùng mã rồi hợp nhất lại.
exchange-error-undecided = Còn { $count } xung đột chưa chọn: hãy chọn của bên gửi hoặc của ta cho từng xung đột. Chưa có gì thay đổi.
exchange-error-unreadable = Nhật ký thay đổi có một thay đổi mà gói không gọi tên được ({ $detail }); chưa ghi gì.
