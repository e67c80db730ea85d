"""Every Thai text the bot sends, in one place, so wording is reviewed without reading logic."""

WELCOME_USER = (
    "สวัสดีครับ ผมคือผู้ช่วย ITA 🤖\n"
    "ช่วยหน่วยงานติดตามกำหนดการประเมิน ITA (IIT / EIT / OIT) ตามปฏิทินของ ป.ป.ช. "
    "และของจังหวัด และแจ้งเตือนก่อนครบกำหนด\n\n"
    "เริ่มต้นง่าย ๆ พิมพ์ \"กำหนดการ\" หรือถามเช่น \"OIT ส่งเมื่อไหร่\"\n"
    "พิมพ์ \"ช่วยเหลือ\" เพื่อดูคำสั่งทั้งหมด"
)
WELCOME_GROUP = (
    "สวัสดีทุกท่านครับ ผมคือผู้ช่วย ITA 🤖\n"
    "ถามกำหนดการ ITA ในกลุ่มนี้ได้เลย เช่น \"OIT ส่งเมื่อไหร่\" \"เหลือกี่วันส่ง OIT\" "
    "\"ตอนนี้ต้องทำอะไร\"\n"
    "พิมพ์ \"ช่วยเหลือ\" เพื่อดูคำสั่งทั้งหมด"
)

HELP_HEADER = "ผู้ช่วย ITA ทำอะไรได้บ้าง"
HELP_LINE = "• {summary}\n   พิมพ์: {example}"
HELP_FOOTER = "แตะปุ่มด้านล่างเพื่อลองได้เลย"
HELLO = "สวัสดีครับ 🙏 ผู้ช่วย ITA พร้อมช่วยครับ ถามกำหนดการ รายงานยอด หรือดูสถานะได้เลย"
YOU_ARE_WELCOME = "ยินดีครับ 🙏 มีอะไรให้ช่วยเพิ่มเติม แตะปุ่มด้านล่างได้เลยครับ"

NOT_UNDERSTOOD = "ขออภัยครับ ยังไม่เข้าใจข้อความนี้\nพิมพ์ \"ช่วยเหลือ\" เพื่อดูสิ่งที่ทำได้ หรือแตะปุ่มด้านล่าง"
DID_YOU_MEAN = "ขออภัยครับ ยังไม่แน่ใจว่าหมายถึงอะไร ใช่เรื่องเหล่านี้ไหมครับ? (แตะเพื่อเลือก)"
NOT_ALLOWED = "ขออภัยครับ คำสั่งนี้สงวนไว้สำหรับผู้ที่ได้รับสิทธิ์เท่านั้น"
TOO_MUCH_AT_ONCE = ("ข้อความนี้ยาวหรือมีหลายเรื่องเกินกว่าที่ตอบได้ในครั้งเดียว บอทดำเนินการให้ {done} เรื่องแรกแล้ว "
                    "เรื่องที่เหลือกรุณาส่งเป็นข้อความใหม่ครับ")
SOMETHING_WENT_WRONG = (
    "ขออภัยครับ ระบบขัดข้องชั่วคราว ข้อความของท่านถูกบันทึกไว้แล้ว กรุณาลองใหม่อีกครั้งในภายหลัง"
)

# Deadline answers
AGENDA_TITLE = "📅 กำหนดการ ITA {year}"
AGENDA_TITLE_FORMS = "📅 กำหนดการ ITA {year} · {forms}"
AGENDA_TODAY = "วันนี้ {date}"
AGENDA_OPEN = "ช่วงนี้"
AGENDA_NEXT = "ถัดไป"
AGENDA_NOTHING_OPEN = "ตอนนี้ไม่มีขั้นตอนที่เปิดอยู่"
AGENDA_NOTHING_NEXT = "ไม่มีขั้นตอนถัดไปในปฏิทินปีนี้แล้ว"
AGENDA_NO_FORM_STEPS = "ไม่พบขั้นตอนของ {forms} ในปฏิทิน ITA {year}"
AGENDA_STEP = "• {title} ({actor})\n   {dates} · {status}"
AGENDA_OVERLAY = "   ↳ จ.{province}: {title} {dates} · {status}"
STEP_TITLE = "📅 {title}"
YES = "✅ ใช่ครับ"
NO = "❌ ไม่ใช่ครับ"
STEP_NOTE = "หมายเหตุ: {note}"
SPAN_TITLE = "📅 กำหนดการ ITA ช่วง {span}"
SPAN_ENDING = "ครบกำหนดในช่วงนี้"
SPAN_STARTING = "เริ่มในช่วงนี้"
SPAN_RUNNING = "ยังเปิดอยู่ตลอดช่วงนี้"
SPAN_NOTHING = "ไม่มีขั้นตอนใดเริ่ม สิ้นสุด หรือเปิดอยู่ในช่วงนี้ครับ"
ACTOR = {"unit": "หน่วยงาน", "province": "จังหวัด", "nacc": "ป.ป.ช."}

STATUS_DAYS_LEFT = "เหลือ {days} วัน"
STATUS_LAST_DAY = "วันนี้วันสุดท้าย"
STATUS_LAST_DAY_AT = "วันนี้วันสุดท้าย ถึง {time} น."
STATUS_STARTS_IN = "เริ่มในอีก {days} วัน"
STATUS_STARTS_TOMORROW = "เริ่มพรุ่งนี้"
STATUS_PASSED = "ปิดไปแล้วเมื่อ {end} ({days} วันที่แล้ว)"
STATUS_UNTIL_TIME = "ถึง {time} น."

NO_CALENDAR = (
    "ยังไม่มีปฏิทิน ITA ที่ครอบคลุมวันนี้ ({today})\n"
    "ปฏิทินล่าสุดในระบบคือ ITA {year}: {span} ซึ่งสิ้นสุดแล้ว\n"
    "ปฏิทิน ITA {next_year} ยังไม่ได้โหลดเข้าระบบ เมื่อ ป.ป.ช. ประกาศแล้ว ผู้ดูแลระบบจะเพิ่มให้ครับ"
)
NO_CALENDAR_FIRST = "ปีที่ผ่านมา ITA {year} เริ่มด้วย:"
NO_CALENDAR_FIRST_STEP = "• {title}: {dates}"
ESTIMATE_NOTE = "⚠️ ร่าง: วันที่คาดการณ์จากปี {year} รอ ป.ป.ช. ประกาศ"
NO_CALENDAR_AT_ALL = (
    "ยังไม่มีปฏิทิน ITA ในระบบ\n"
    "ปฏิทิน ITA {next_year} ยังไม่ได้โหลดเข้าระบบ เมื่อ ป.ป.ช. ประกาศแล้ว ผู้ดูแลระบบจะเพิ่มให้ครับ"
)

# Command summaries for the help text
SUMMARY_DEADLINES = ("ถามกำหนดการ ITA: ตอนนี้ต้องทำอะไร, แบบวัด IIT / EIT / OIT, ขั้นตอน (เช่น ลงทะเบียน ITAS, "
                     "ประกาศผล) หรือวันที่ (เช่น 30 เม.ย. มีอะไร, สัปดาห์นี้)")
SUMMARY_HELP = "ดูคำสั่งทั้งหมด"

# Units and registration
SUMMARY_REGISTER = "ลงทะเบียนตัวท่าน (แชต 1:1) หรือกลุ่มนี้ เข้ากับหน่วยงาน"
SUMMARY_BIND_PROVINCE = "ผูกกลุ่มนี้เป็นกลุ่มผู้ประสานงานของจังหวัด (ผู้ประสานงานเท่านั้น)"
NOT_THE_CHATS_KEEPER = ("ขออภัยครับ แชตนี้ผูกกับหน่วยงานหรือจังหวัดไว้แล้ว การเปลี่ยนการผูกกลุ่มหรือเปิด/ปิดแจ้งเตือน "
                        "ทำได้เฉพาะผู้ประสานงานของจังหวัด และในกลุ่มของหน่วยงาน สมาชิกที่ลงทะเบียนแล้วของหน่วยงานนั้น")
JOIN_REQUESTED = ("ส่งคำขอเข้าร่วม {unit} ถึงผู้ประสานงาน จ.{province} แล้วครับ ⏳ รอการอนุมัติ\n"
                  "หรือพิมพ์ \"ลงทะเบียน {unit} รหัส\" ตามด้วยรหัสเข้าร่วม 6 หลักที่ได้จากผู้ประสานงาน")
JOIN_ALREADY_REQUESTED = "คำขอเข้าร่วม {unit} ส่งไว้แล้วครับ ⏳ รอผู้ประสานงาน จ.{province} อนุมัติ"
JOIN_CODE_WRONG = "รหัสเข้าร่วม {unit} ไม่ถูกต้องหรือหมดอายุครับ ยังไม่ได้ลงทะเบียน ขอรหัสใหม่ได้จากผู้ประสานงานจังหวัด"
JOIN_CODE_ISSUED = ("รหัสเข้าร่วม {unit}: {code}\nใช้ได้ถึง {until} ให้เจ้าหน้าที่หรือกลุ่มของหน่วยงานพิมพ์\n"
                    "\"ลงทะเบียน {unit} รหัส {code}\"\n(ออกรหัสใหม่เมื่อใด รหัสเดิมใช้ไม่ได้ทันที)")
JOIN_CODE_HOW = "ออกรหัสเข้าร่วมให้หน่วยงานใดครับ? พิมพ์เช่น \"รหัสเข้าร่วม อบต.บ้านไผ่\" (ผู้ประสานงานเท่านั้น)"
JOIN_REQUESTS_NONE = "ไม่มีคำขอเข้าร่วมที่รออนุมัติใน จ.{province} ครับ"
JOIN_REQUESTS_TITLE = "คำขอเข้าร่วมที่รออนุมัติ จ.{province} ({count} รายการ) แตะปุ่มเพื่ออนุมัติหรือปฏิเสธ:"
JOIN_REQUEST_LINE = "{number}. {who} ขอเข้าร่วม {unit} ({when})"
JOIN_WHO_PERSON = "ผู้ใช้ {user}"
JOIN_WHO_GROUP = "กลุ่ม {chat}"
JOIN_APPROVE_BUTTON = "✅ {number}"
JOIN_REJECT_BUTTON = "❌ {number}"
JOIN_APPROVED = "อนุมัติแล้วครับ: {who} เข้าร่วม {unit}"
JOIN_REJECTED = "ปฏิเสธคำขอแล้วครับ: {who} ขอเข้าร่วม {unit}"
JOIN_ALREADY_DECIDED = "คำขอนี้ได้รับการพิจารณาไปแล้วครับ"
JOIN_NOTICE_NEW = "📝 มีคำขอเข้าร่วม {unit} ใหม่ พิมพ์ \"คำขอเข้าร่วม\" เพื่ออนุมัติหรือปฏิเสธ"
JOIN_NOTICE_APPROVED = "✅ ผู้ประสานงานอนุมัติให้เข้าร่วม {unit} แล้วครับ รายงานยอดได้เลย เช่น \"IIT 45\""
JOIN_NOTICE_REJECTED = "คำขอเข้าร่วม {unit} ไม่ได้รับอนุมัติครับ สอบถามผู้ประสานงานจังหวัดได้"
WHAT_JOIN_CODE = "ออกรหัสเข้าร่วมของ {subject} (เฉพาะผู้ประสานงานของจังหวัด)"
WHAT_JOIN_REQUESTS = "พิจารณาคำขอเข้าร่วมของ {subject} (เฉพาะผู้ประสานงานของจังหวัด)"
SUMMARY_JOIN_CODE = "ออกรหัสเข้าร่วมให้หน่วยงาน (ผู้ประสานงาน)"
SUMMARY_JOIN_REQUESTS = "ดูและอนุมัติคำขอเข้าร่วม (ผู้ประสานงาน)"
ROLE_NOT_YOURS = "{who} เป็นผู้ดูแลระบบหรือสังกัดจังหวัดอื่น จึงเปลี่ยนสิทธิ์ไม่ได้ครับ"
REGISTER_WHICH = "ลงทะเบียนกับหน่วยงานใดครับ? พิมพ์เช่น \"ลงทะเบียน อบต.บ้านไผ่\""
BIND_PROVINCE_HOW = "ผูกกลุ่มนี้กับจังหวัด พิมพ์เช่น \"ผูกกลุ่ม จังหวัดลำพูน\" (ผู้ประสานงานของจังหวัดเท่านั้น)"
REGISTERED_USER = "ลงทะเบียนแล้วครับ ท่านเป็นสมาชิกของ {unit} จ.{province}\nรายงานยอดได้เลย เช่น \"IIT 45\""
REGISTERED_GROUP = "กลุ่มนี้ผูกกับ {unit} จ.{province} แล้วครับ\nรายงานยอดได้เลย เช่น \"IIT 45\" หรือพิมพ์ \"สถานะ\""
BOUND_PROVINCE = "กลุ่มนี้เป็นกลุ่มผู้ประสานงานของ จ.{province} แล้วครับ พิมพ์ \"สรุป\" เพื่อดูภาพรวมจังหวัด"
BIND_PROVINCE_GROUP_ONLY = "คำสั่งนี้ใช้ในกลุ่มเท่านั้นครับ"
UNKNOWN_PROVINCE = "ไม่พบจังหวัด \"{name}\" ในระบบครับ"
UNIT_CHOOSE = "พบหลายหน่วยงานที่ใกล้เคียง \"{typed}\" กรุณาเลือกครับ"
UNIT_NOT_FOUND = "ไม่พบหน่วยงาน \"{typed}\" ครับ"
UNIT_SUGGEST = "ไม่พบหน่วยงาน \"{typed}\" ครับ หรือหมายถึง:"
# A refusal names what the person may not do: {subject} is the unit or province concerned.
REFUSED = "ขออภัยครับ ท่านไม่มีสิทธิ์{what}"
REFUSED_OTHER_PROVINCE = "ขออภัยครับ ท่านไม่มีสิทธิ์{what} เพราะ {unit} อยู่ จ.{province} ส่วนท่านดูแล จ.{own}"
WHAT_REMINDERS = "เปิด/ปิดแจ้งเตือนของแชตนี้"
WHAT_REGISTER = "ผูกกลุ่มนี้กับ {subject}"
WHAT_BIND_PROVINCE = "ผูกกลุ่มกับ จ.{subject} (เฉพาะผู้ประสานงานของจังหวัด)"
WHAT_REPORT = "รายงานยอดของ {subject}"
WHAT_OIT = "บันทึกสถานะ OIT ของ {subject}"
WHAT_APPROVE_OIT = "บันทึกว่า OIT ของ {subject} อนุมัติแล้ว (เฉพาะผู้บริหารหน่วยงานหรือผู้ประสานงาน)"

# Reports
SUMMARY_REPORT = "รายงานยอดผู้ตอบแบบวัด IIT / EIT (ยอดสะสมตามระบบ ITAS)"
SUMMARY_STATUS = "ดูสถานะ IIT, EIT และ OIT ของหน่วยงาน"
NO_UNIT = ("ยังไม่ทราบว่าท่านอยู่หน่วยงานใดครับ\nลงทะเบียนก่อน เช่น \"ลงทะเบียน อบต.บ้านไผ่\" "
           "แล้วลองอีกครั้ง (ยังไม่ได้บันทึกอะไร)")
REPORT_NEGATED = ("รับทราบครับ ยังไม่บันทึกยอด เพราะข้อความเป็นการปฏิเสธ\n"
                  "เมื่อมียอดแล้ว พิมพ์เช่น \"IIT 45\" หรือ \"EIT ได้ 30 ชุด\"")
REPORT_OIT_HAS_NO_COUNT = ("OIT ไม่มียอดผู้ตอบให้รายงานครับ แจ้งความคืบหน้าได้ เช่น \"OIT กำลังตอบ\" หรือ "
                           "\"OIT ตอบครบแล้ว\" (ยังไม่บันทึก)")
REPORT_PART_2 = "EIT ส่วนที่ 2 สำนักงาน ป.ป.ช. เป็นผู้เก็บเอง หน่วยงานไม่ต้องรายงานยอดครับ (ยังไม่บันทึก)"
REPORT_UNSURE = "ขอยืนยันก่อนบันทึกครับ: {form} ของ {unit} ยอดสะสม {count:,} ชุด ใช่ไหมครับ?"
REPORT_UNSURE_YES = "ใช่ บันทึก {form} {count}"
WHAT_FIGURES = "ดูยอดของ {subject}"
WHAT_STATUS = "ดูสถานะของ {subject}"
SUMMARY_FIGURES = "ถามยอดของหน่วยงาน: ขั้นต่ำ ยอดล่าสุด ขาดอีกกี่ชุด ผ่านหรือยัง"
FIGURES_TITLE = "📊 {unit} · ITA {year}"
FIGURES_SHORT = "{form}: ได้ {count:,} จากขั้นต่ำ {minimum:,} ชุด ขาดอีก {missing:,} ชุด"
FIGURES_DONE = "{form}: ได้ {count:,} จากขั้นต่ำ {minimum:,} ชุด ครบขั้นต่ำแล้ว ✅"
FIGURES_NO_MINIMUM = "{form}: ได้ {count:,} ชุด (ยังไม่ได้ตั้งค่าขั้นต่ำ ผู้ประสานงานตั้งได้ด้วย \"ตั้งโควตา\")"
FIGURES_IF_ENOUGH = "   ถ้าได้ {count:,} ชุด จะครบขั้นต่ำครับ"
FIGURES_IF_SHORT = "   ถ้าได้ {count:,} ชุด ยังขาดอีก {missing:,} ชุดครับ"
FIGURES_STAFF = "จำนวนบุคลากรที่ระบุไว้: {staff:,} คน (ยอด IIT ต้องไม่เกินจำนวนนี้)"
BAD_NEGATIVE = "{form}: ยอดติดลบไม่ได้ครับ (ได้รับ {raw}) ยังไม่บันทึก"
BAD_NOT_WHOLE = "{form}: ยอดต้องเป็นจำนวนเต็มครับ (ได้รับ {raw}) ยังไม่บันทึก"
BAD_TOO_LARGE = "{form}: ยอด {raw} มากเกินไปครับ (ไม่เกิน 100,000) ยังไม่บันทึก"
BAD_ABOVE_STAFF = "IIT: ยอด {count:,} มากกว่าจำนวนบุคลากรของ {unit} ({staff:,} คน) ยังไม่บันทึกครับ"
BAD_OUTSIDE_WINDOW = "{form}: ขณะนี้อยู่นอกช่วงเก็บแบบวัด ({window}) ยังไม่บันทึกครับ"
CONFIRM_LOWER = "{form} ของ {unit}: ยอด {count:,} น้อยกว่าที่รายงานไว้ล่าสุด ({last:,}) ยืนยันให้บันทึกหรือไม่ครับ?"
CONFIRM_YES = "ยืนยัน บันทึก {count}"
CONFIRM_NO = "ยกเลิก"
CANCELLED = "ยกเลิกแล้วครับ ไม่ได้บันทึกยอด"
PROGRESS_ALT = "{unit} · {form} {count:,}/{minimum:,} ({percent}%) {gap} · {days}"
PROGRESS_GAP = "ขาดอีก {missing:,} ชุด"
PROGRESS_DONE = "ครบขั้นต่ำแล้ว ✅"
PROGRESS_NO_MIN = "ยังไม่ได้ตั้งค่าขั้นต่ำ"
PROGRESS_DAYS = "เหลือ {days} วัน"
PROGRESS_CLOSED = "ปิดการเก็บแล้ว"
PROGRESS_TITLE = "{form} · {unit}"
FORM_NAMES = {"IIT": "IIT (บุคลากรภายใน)", "EIT": "EIT ส่วนที่ 1 (ผู้รับบริการ)"}
STATUS_NO_UNIT = "ยังไม่ทราบว่าแชตนี้เป็นของหน่วยงานใดครับ\nลงทะเบียนก่อน เช่น \"ลงทะเบียน อบต.บ้านไผ่\""
STATUS_NAME_A_UNIT = ("ท่านดูแลทั้งจังหวัด ระบุหน่วยงานด้วยครับ เช่น \"สถานะ อบต.บ้านไผ่\"\n"
                      "ภาพรวมจังหวัดพิมพ์ \"สรุป\" ผู้ที่ยังไม่ครบพิมพ์ \"ยังไม่ครบ\"")
STATUS_OF = "สถานะ {unit}"
STATUS_TITLE = "📊 สถานะ ITA {year} · {unit}"
STATUS_FORM = "{form}: {count:,} / {minimum} {gap}"
STATUS_OIT = "OIT: {state}"
OIT_STATE_NAMES = {"not_started": "ยังไม่เริ่ม", "answering": "กำลังตอบ", "awaiting_approval": "รออนุมัติ",
                   "approved": "อนุมัติแล้ว"}

# OIT
SUMMARY_OIT = "แจ้งสถานะ OIT: กำลังตอบ / ตอบครบแล้ว (รออนุมัติ)"
SUMMARY_OIT_APPROVED = "แจ้งว่า OIT อนุมัติแล้ว (ผู้บริหารหน่วยงานหรือผู้ประสานงาน)"
OIT_SET = "บันทึกแล้วครับ OIT ของ {unit}: {state}"
OIT_UNCHANGED = ("รับทราบครับ ยังไม่เปลี่ยนสถานะ OIT ของ {unit} (ตอนนี้: {state})\n"
                 "เมื่อมีความคืบหน้า พิมพ์เช่น \"OIT กำลังตอบ\" หรือ \"OIT ตอบครบแล้ว\"")

# Province summary (coordinators)
SUMMARY_SUMMARY = "ภาพรวมจังหวัดแบบหน้าสถานะ ITAS (ผู้ประสานงาน)"
SUMMARY_BEHIND = "รายชื่อหน่วยงานที่ยังไม่ครบขั้นต่ำ เรียงจากขาดมากที่สุด (ผู้ประสานงาน)"
NO_PROVINCE = "ยังไม่ทราบว่าเป็นจังหวัดใดครับ ใช้ในกลุ่มผู้ประสานงานที่ผูกกับจังหวัดแล้ว (\"ผูกกลุ่ม จังหวัด...\")"
PROVINCE_SUMMARY = (
    "📊 สรุป ITA {year} · จ.{province}\n"
    "หน่วยงานที่เข้าร่วม {units:,} หน่วยงาน\n\n"
    "IIT: ผู้ตอบ {iit:,} ราย\n   ครบขั้นต่ำ {iit_ok:,} · ยังไม่ครบ {iit_not:,}\n"
    "EIT ส่วนที่ 1: ผู้ตอบ {eit:,} ราย\n   ครบขั้นต่ำ {eit_ok:,} · ยังไม่ครบ {eit_not:,}\n"
    "OIT: อนุมัติแล้ว {oit_done:,} · ยังไม่เสร็จ {oit_not:,}"
)
BEHIND_TITLE = "⏳ {which} ITA {year} · จ.{province} ({count} หน่วยงาน) หน้า {page}/{pages}"
BEHIND_MINIMUM = "ยังไม่ครบขั้นต่ำ{forms}"
BEHIND_UNDER_SHARE = "ได้{forms}ต่ำกว่า {share}% ของขั้นต่ำ"
BEHIND_ASKED = "หน่วยงานที่{which}{year} หน้า {page}"  # what the next page's button sends: read back as the same list
BEHIND_LINE = "{n}. {unit} — {gaps}"
BEHIND_GAP = "{form} {count}/{minimum} ขาด {missing}"
BEHIND_NONE = "ไม่มีหน่วยงานใน จ.{province} ที่{which} 🎉"
NEXT_PAGE = "ยังไม่ครบ หน้า {page}"

# Admin commands
SUMMARY_SET_QUOTA = "ตั้งขั้นต่ำ IIT/EIT หรือจำนวนบุคลากรของหน่วยงาน (ผู้ประสานงาน)"
SUMMARY_GRANT = "เพิ่มผู้ประสานงาน / ถอนสิทธิ์ (ระบุ userId หรือ @กล่าวถึง)"
QUOTA_SET = "บันทึกแล้วครับ {unit}: {what} {before} → {after}"
QUOTA_WHAT = {"iit_min": "ขั้นต่ำ IIT", "eit_min": "ขั้นต่ำ EIT", "internal_stakeholders": "จำนวนบุคลากร"}
QUOTA_OUT_OF_RANGE = "ค่า {raw} ใช้ไม่ได้ครับ ต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง {most} ยังไม่บันทึก"
QUOTA_HOW = "พิมพ์เช่น \"ตั้งโควตา IIT อบต.บ้านไผ่ 60\" หรือ \"ตั้งจำนวนบุคลากร อบต.บ้านไผ่ 85\""
WHAT_SET_QUOTA = "แก้ไขข้อมูลของ {subject} (เฉพาะผู้ประสานงานของจังหวัด)"
GRANT_WHO = "ระบุผู้ใช้ครับ: @กล่าวถึงในกลุ่ม หรือพิมพ์ userId (ขึ้นต้นด้วย U)"
GRANTED = "เพิ่ม {who} เป็นผู้ประสานงาน จ.{province} แล้วครับ"
REVOKED = "ถอนสิทธิ์ผู้ประสานงานของ {who} แล้วครับ"
NOT_A_COORDINATOR = "{who} ไม่ได้เป็นผู้ประสานงานของ จ.{province} จึงไม่มีสิทธิ์ให้ถอนครับ"
WHAT_GRANT = "จัดการสิทธิ์ผู้ประสานงาน (เฉพาะผู้ประสานงานของจังหวัด)"

# Reminders
REMIND_STARTS = "🔔 เริ่มวันนี้: {title}\n{dates}"
REMIND_DAYS_LEFT = "⏰ อีก {days} วันครบกำหนด: {title}\nภายใน {end}{at}"
REMIND_LAST_DAY = "⚠️ วันนี้วันสุดท้าย: {title}\nภายใน {end}{at}"
REMIND_AT = " เวลา {time} น."
NUDGE_UNIT = "📣 {form} {count}/{minimum} ขาดอีก {missing} ชุด เหลือ {days} วัน\n{unit}"
NUDGE_PROVINCE = "📣 {form} จ.{province}: ยังไม่ครบขั้นต่ำ {behind} จาก {total} หน่วยงาน เหลือ {days} วัน\nขาดมากที่สุด:\n{worst}"
NUDGE_WORST_LINE = "• {unit} {count}/{minimum} (ขาด {missing})"
SUMMARY_REMINDERS = "ปิด/เปิดแจ้งเตือนในแชตนี้ และดูว่าจะแจ้งเตือนอะไรถัดไป"
REMINDERS_OFF = "ปิดการแจ้งเตือนในแชตนี้แล้วครับ (เปิดอีกครั้ง: \"เปิดแจ้งเตือน\")"
REMINDERS_ON = "เปิดการแจ้งเตือนในแชตนี้แล้วครับ"
REMINDERS_STATE_ON = "ขณะนี้เปิดการแจ้งเตือนอยู่"
REMINDERS_STATE_OFF = "ขณะนี้ปิดการแจ้งเตือนอยู่"
REMINDERS_HOW = "{state} ครับ (ยังไม่ได้เปลี่ยน)\nพิมพ์ \"ปิดแจ้งเตือน\" หรือ \"เปิดแจ้งเตือน\" · ดูรายการถัดไป: \"แจ้งเตือนถัดไป\""
REMINDERS_UNBOUND = "แชตนี้ยังไม่ได้ผูกกับหน่วยงานหรือจังหวัด จึงยังไม่มีการแจ้งเตือนครับ\nเริ่มด้วย \"ลงทะเบียน อบต.บ้านไผ่\""
REMINDERS_NEXT = "🔔 แจ้งเตือนถัดไป: {date} เวลา {time} น.\n{text}"
REMINDERS_MORE = "และอีก {count} รายการ"
REMINDERS_NONE = "ไม่มีการแจ้งเตือนในอีก {days} วันข้างหน้าครับ"
REMINDERS_ARE_OFF = "(ขณะนี้ปิดการแจ้งเตือนในแชตนี้อยู่)"
QUOTA_SHORT = (
    "⚠️ โควตาข้อความ LINE ของเดือนนี้เหลือ {remaining:,} ข้อความ ไม่พอส่งแจ้งเตือนทั้งหมด (ต้องใช้ {needed:,})\n"
    "บอตส่งเตือนกำหนดส่งที่ใกล้ที่สุดก่อน ส่วนการติดตามยอด ({chats:,} แชต) จะแนบไปกับคำตอบครั้งถัดไปในแชตนั้น\n"
    "(แจ้งครั้งเดียวต่อเดือน)"
)
RIDING_ALONG = "🔔 แจ้งเตือนที่ยังไม่ได้ส่ง:"
SUMMARY_RULES = "ตั้งเวลาแจ้งเตือนของจังหวัด: ล่วงหน้ากี่วัน เวลาใด เลี่ยงวันหยุดหรือไม่ (ผู้ประสานงาน)"
RULES_DESCRIBE = ("⚙️ การแจ้งเตือนของ จ.{province}\n"
                  "• เตือนล่วงหน้า {days} วันก่อนครบกำหนด เวลา {time} น.\n"
                  "• วันแรกของขั้นตอน: {first} · วันสุดท้าย: {last}\n• {working}")
RULES_WORKING_DAYS = "ตรงวันหยุดราชการ เลื่อนมาเตือนวันทำการก่อนหน้า"
RULES_ANY_DAY = "เตือนทุกวัน รวมวันหยุด"
YES_NO = {True: "เตือน", False: "ไม่เตือน"}
RULES_HOW = ("ตั้งได้เช่น \"ตั้งแจ้งเตือน ล่วงหน้า 7 3 1 วัน เวลา 08:30 วันทำการ\"\n"
             "หรือ \"ตั้งแจ้งเตือน ทุกวัน\" (รวมวันหยุด)")
RULES_BAD_DAYS = "จำนวนวันล่วงหน้าต้องเป็น 1 ถึง {most} วัน และไม่ซ้ำกันครับ ยังไม่บันทึก"
RULES_BAD_TIME = "เวลาไม่ถูกต้องครับ (เช่น 08:30) ยังไม่บันทึก"
RULES_SAVED = "บันทึกแล้วครับ"
WHAT_RULES = "ตั้งการแจ้งเตือนของ จ.{subject} (เฉพาะผู้ประสานงานของจังหวัด)"

# A year's calendar: drafts, changes and their history
DRAFT_TITLE = "{title} (ร่าง คาดการณ์จากปี {from_year})"
DRAFT_SOURCE = "ร่างจากปฏิทิน {key} (วันเดือนเดียวกัน) รอ ป.ป.ช. ประกาศ"
DRAFT_REFUSED = {
    "nothing_to_carry": "ยังไม่มีปฏิทินปีก่อนหน้าในระบบ จึงร่างปฏิทิน ITA {year} ไม่ได้",
    "not_later": "ร่างปฏิทิน ITA {year} จากปี {from_year} ไม่ได้: ปีที่ร่างต้องอยู่หลังปีต้นแบบ",
    "exists": "ปฏิทิน ITA {year} มีอยู่ในระบบแล้ว (ดู \"ประวัติปฏิทิน {year}\") จึงไม่ร่างซ้ำ",
    "no_nacc": "ปี {from_year} ไม่มีปฏิทินของ ป.ป.ช. ในระบบ จึงร่างปฏิทิน ITA {year} จากปีนั้นไม่ได้",
    "no_draft": "ไม่มีร่างปฏิทิน ITA {year} ในระบบ",
}
DRAFT_HOW = "พิมพ์ปีที่จะร่าง เช่น \"ร่างปฏิทิน 2570\" (ยกวันและเดือนจากปฏิทินปีล่าสุด)"
DRAFT_ONE_TO_ONE = "คำสั่งนี้ใช้ได้ในแชต 1:1 กับบอทเท่านั้นครับ"
DRAFT_MADE = ("📝 ร่างปฏิทิน ITA {year} แล้ว: {steps} ขั้นตอน ยกวันและเดือนจากปี {from_year} "
              "(ของ ป.ป.ช. และ {overlays} จังหวัด)\n"
              "คำตอบเรื่องกำหนดการจะบอกว่าเป็นการคาดการณ์จากปี {from_year} รอ ป.ป.ช. ประกาศ\n"
              "ยังไม่ส่งแจ้งเตือนจากร่างนี้ จนกว่าจะเปิด (แตะปุ่มด้านล่าง)")
DRAFT_REMINDERS_ON = "🔔 เปิดแจ้งเตือนจากร่างปฏิทิน ITA {year} แล้ว (ยังเป็นวันที่คาดการณ์)"
DRAFT_REMINDERS_OFF = "🔕 ปิดแจ้งเตือนจากร่างปฏิทิน ITA {year} แล้ว"
DRAFT_REMINDERS_ALREADY = {True: "แจ้งเตือนจากร่างปฏิทิน ITA {year} เปิดอยู่แล้วครับ",
                           False: "แจ้งเตือนจากร่างปฏิทิน ITA {year} ปิดอยู่แล้วครับ"}
BUTTON_DRAFT_REMINDERS_ON = "เปิดแจ้งเตือนจากร่าง"
BUTTON_DRAFT_REMINDERS_OFF = "ปิดแจ้งเตือนจากร่าง"
SUMMARY_CALENDAR_DRAFT = "ร่างปฏิทินปีถัดไปจากปีล่าสุด และเปิด/ปิดแจ้งเตือนจากร่าง (ผู้ดูแลระบบ แชต 1:1)"
WHAT_CALENDAR_DRAFT = "ร่างปฏิทินปีใหม่"
OVERLAY_TITLE = "กำหนดการ ITA {year} ของจังหวัด{province}"
OVERLAY_SOURCE = "กำหนดโดยผู้ประสานงานจังหวัดผ่าน LINE"
OF_PROVINCE = " (จ.{province})"
MOVE_REFUSED = {
    "no_step": "ไม่พบขั้นตอนที่จะเลื่อนในปฏิทิน ITA {year} ระบุแบบวัดหรือขั้นตอน เช่น \"เลื่อน OIT ถึง 15 พ.ค.\"",
    "not_a_nacc_step": "\"{step}\" เป็นกำหนดการของจังหวัด ผู้ประสานงานของจังหวัดนั้นเป็นผู้เลื่อน",
    "ends_before_start": "เลื่อน \"{step}\" ไม่ได้: วันสิ้นสุด {end} อยู่ก่อนวันเริ่ม {start}",
    "in_the_past": "เลื่อน \"{step}\" ไป {end} ไม่ได้: วันนั้นผ่านไปแล้ว",
    "past_the_naccs": ("จังหวัดกำหนดวันให้เร็วกว่าของ ป.ป.ช. ได้ แต่เลื่อน \"{step}\" เกินวันของ ป.ป.ช. ({end}) ไม่ได้ "
                       "ถ้า ป.ป.ช. ขยายเวลา ผู้ดูแลระบบจะเลื่อนให้"),
    "unchanged": "\"{step}\" กำหนดไว้ {dates} อยู่แล้ว ไม่มีอะไรเปลี่ยน",
}
MOVE_HOW = ("บอกขั้นตอนหรือแบบวัด และวันใหม่ เช่น \"เลื่อน OIT ถึง 15 พ.ค. 2568\", \"ขยายเวลา IIT EIT ถึง 31 ก.ค.\", "
            "\"แก้วันลงทะเบียน ITAS เป็น 1–15 ม.ค. 2570\"")
MOVE_NO_CYCLE = "ยังไม่มีปฏิทิน ITA ที่ใช้อยู่หรือกำลังจะมาถึงในระบบ จึงยังเลื่อนกำหนดการไม่ได้"
MOVE_PREVIEW_TITLE = "📝 ตัวอย่างการเปลี่ยนกำหนดการ ITA {year} (ยังไม่บันทึก)"
MOVE_PREVIEW_STEP = "• {step}{province}: {before} → {after}"
MOVE_NEW_DEADLINE = "(ยังไม่มีกำหนดของจังหวัด)"
MOVE_PREVIEW_CANCELLED = "แจ้งเตือนที่ยกเลิก {count}: {days}"
MOVE_PREVIEW_ADDED = "แจ้งเตือนใหม่ {count}: {days}"
MOVE_PREVIEW_DUE_NOW = "ส่งวันนี้ในรอบถัดไป {count} รายการ"
MOVE_PREVIEW_TOLD = ("แจ้ง \"กำหนดการเปลี่ยน\" ไปยัง {chats} แชต (ใช้โควตาประมาณ {cost} ข้อความ "
                     "ถ้าโควตาไม่พอจะแนบไปกับคำตอบครั้งถัดไปในแชตนั้น)")
MOVE_PREVIEW_TOLD_NONE = "ยังไม่มีแชตที่ต้องแจ้ง"
MOVE_PREVIEW_CONFIRM = "แตะ \"ยืนยัน\" ภายใน 1 ชั่วโมงเพื่อบันทึก หรือ \"ยกเลิก\""
BUTTON_CONFIRM = "ยืนยัน"
BUTTON_CANCEL = "ยกเลิก"
MOVE_DONE = "✅ บันทึกการเปลี่ยนกำหนดการแล้ว\n{steps}\nแจ้งเตือนตามวันเดิมที่รอส่งถูกยกเลิก {dropped} รายการ · แจ้งไปยัง {chats} แชต"
MOVE_CANCELLED = "ยกเลิกแล้ว กำหนดการไม่เปลี่ยน"
MOVE_STALE = ("ตัวอย่างนี้เก่าเกิน 1 ชั่วโมง หรือปฏิทินเปลี่ยนไปแล้วระหว่างนั้น จึงไม่บันทึก "
              "กรุณาพิมพ์คำสั่งเลื่อนอีกครั้งเพื่อดูตัวอย่างใหม่")
FILE_STALE = ("ตัวอย่างนี้เก่าเกิน 1 ชั่วโมง หรือปฏิทินเปลี่ยนไปแล้วระหว่างนั้น จึงไม่บันทึก "
              "กรุณาส่งไฟล์อีกครั้งเพื่อดูตัวอย่างใหม่")
UNITS_STALE = ("ตัวอย่างนี้เก่าเกิน 1 ชั่วโมง หรือรายชื่อหน่วยงานเปลี่ยนไปแล้วระหว่างนั้น จึงไม่บันทึก "
               "กรุณาส่งไฟล์อีกครั้งเพื่อดูตัวอย่างใหม่")
MOVE_DECIDED = "รายการนี้ได้ยืนยันหรือยกเลิกไปแล้ว ไม่มีอะไรเปลี่ยน"
MOVE_NOT_YOURS = "รายการนี้ไม่ใช่ของท่าน หรือไม่มีอยู่แล้ว ไม่มีอะไรเปลี่ยน"
CALENDAR_CHANGED = "📢 กำหนดการเปลี่ยน"
CALENDAR_CHANGED_LINE = "• {step}{province}: {before} → {after}"
SUMMARY_CALENDAR_MOVE = "เลื่อนหรือขยายกำหนดการ (ดูตัวอย่างก่อนยืนยัน) ป.ป.ช.: ผู้ดูแลระบบ จังหวัด: ผู้ประสานงาน"
WHAT_CALENDAR_MOVE = "เลื่อนกำหนดการของ{subject}"
HISTORY_TITLE = "🗂 ประวัติปฏิทิน ITA {year}"
HISTORY_LINE = "• {at} {kind} {what} โดย {who}"
HISTORY_NONE = "ยังไม่มีการเปลี่ยนแปลงปฏิทิน ITA {year}"
HISTORY_KIND = {"draft": "ร่างปฏิทิน", "load": "โหลดปฏิทิน", "move": "เลื่อน", "add": "เพิ่ม", "remove": "ลบ",
                "reminders": "แจ้งเตือนจากร่าง"}
SUMMARY_CALENDAR_HISTORY = "ประวัติการเปลี่ยนแปลงปฏิทินของปี (ผู้ประสานงาน)"
WHAT_CALENDAR_HISTORY = "ดูประวัติปฏิทิน"

# -- a calendar sent as a file (handlers/calendar_file.py) ----------------------------------------
NACC_TITLE = "กำหนดการ ITA {year} ของ ป.ป.ช."
UPLOAD_SOURCE = "ไฟล์ {file} ส่งทาง LINE"
# The columns of a calendar sheet: each is found by this label or its English key, in any order.
CALENDAR_COLUMNS = {"step": "รหัสขั้นตอน", "name": "ชื่อขั้นตอน", "forms": "แบบวัด", "who": "ผู้ทำ",
                    "start": "วันเริ่ม", "end": "วันสิ้นสุด", "end_time": "เวลาปิด",
                    "nacc_step": "ก่อนขั้นตอน ป.ป.ช.", "words": "คำที่ใช้เรียก", "title": "ชื่อเต็ม", "note": "หมายเหตุ"}
ACTOR_WORDS = {"หน่วยงาน": "unit", "หน่วย": "unit", "จังหวัด": "province", "ป.ป.ช.": "nacc", "ปปช": "nacc",
               "ป.ป.ช": "nacc", "สำนักงาน ป.ป.ช.": "nacc"}
SHEET_TITLE = "ปฏิทิน"
SHEET_HOW_TITLE = "วิธีกรอก"
SHEET_NACC_TITLE = "ขั้นตอน ป.ป.ช."
SHEET_HOW = (
    "แถวละหนึ่งขั้นตอน ลบแถวเพื่อลบขั้นตอน เพิ่มแถวเพื่อเพิ่มขั้นตอน แล้วส่งไฟล์นี้ให้บอทในแชต 1:1",
    "รหัสขั้นตอน: อักษรอังกฤษตัวเล็ก ตัวเลข และ - เช่น oit-answer (ขั้นตอนใหม่ตั้งรหัสใหม่ที่ไม่ซ้ำ)",
    "แบบวัด: IIT, EIT, OIT คั่นด้วยจุลภาค หรือเว้นว่าง",
    "ผู้ทำ: หน่วยงาน, จังหวัด หรือ ป.ป.ช.",
    "วันที่: 30 เม.ย. 2570, 30/04/2570, ๓๐/๐๔/๒๕๗๐ หรือ 2027-04-30 (ปี พ.ศ. หรือ ค.ศ. ก็ได้)",
    "เวลาปิด: เช่น 16:30 (ไม่บังคับ)",
    "ก่อนขั้นตอน ป.ป.ช.: สำหรับกำหนดของจังหวัด รหัสขั้นตอนของ ป.ป.ช. ที่ต้องทำก่อน (ดูแผ่นงาน \"ขั้นตอน ป.ป.ช.\")",
    "คำที่ใช้เรียก: คำที่คนพิมพ์ถามถึงขั้นตอนนี้ คั่นด้วย |",
    "ทุกขั้นตอนต้องอยู่ในปีงบประมาณเดียวกัน (1 ต.ค. – 30 ก.ย.) บอทจะแสดงตัวอย่างให้ยืนยันก่อนบันทึก",
)
SHEET_CELL = "แถว {row} คอลัมน์ {column} ({label}): {problem}"
SHEET_MISSING_COLUMNS = "แถว 1: ไม่พบคอลัมน์ {columns} (ดาวน์โหลดแบบฟอร์มได้ด้วยคำว่า \"แบบฟอร์มปฏิทิน\")"
SHEET_REQUIRED = "ต้องกรอก"
SHEET_NOT_DATE = "\"{value}\" ไม่ใช่วันที่ (เช่น 30 เม.ย. 2570, 30/04/2570 หรือ 2027-04-30)"
SHEET_NOT_TIME = "\"{value}\" ไม่ใช่เวลา (เช่น 16:30)"
SHEET_NOT_FORMS = "\"{value}\" ไม่ใช่แบบวัด (IIT, EIT, OIT)"
SHEET_NOT_WHO = "\"{value}\" ไม่ใช่ผู้ทำ (หน่วยงาน, จังหวัด หรือ ป.ป.ช.)"
SHEET_NOT_ID = "\"{value}\" ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และ - เช่น province-oit-check"
SHEET_END_BEFORE_START = "วันสิ้นสุด {end} อยู่ก่อนวันเริ่ม {start}"
SHEET_OTHER_YEAR = "อยู่นอกปีงบประมาณ {year} (1 ต.ค. {first} – 30 ก.ย. {year}) ที่ขั้นตอนส่วนใหญ่อยู่: ส่งทีละปี"
SHEET_NO_ROWS = "ไม่มีขั้นตอนในไฟล์ (แถวละหนึ่งขั้นตอน ใต้แถวหัวตาราง)"
FILE_UNREADABLE = "เปิดไฟล์ {file} ไม่ได้ ({reason}) กรุณาส่งเป็น .xlsx, .csv หรือ .yaml"
FILE_REFUSED = "❌ ไฟล์ {file} ยังไม่ถูกบันทึก เพราะ:\n{problems}{more}\nแก้แล้วส่งไฟล์มาใหม่ได้เลย"
FILE_MORE_PROBLEMS = "\n… และอีก {count} ข้อ"
FILE_TOO_BIG = "ไฟล์ {file} ใหญ่ {size} เกิน 1 MB ที่บอทรับได้ ไม่ได้บันทึกอะไร (ปฏิทินหนึ่งปีไม่ถึง 50 KB)"
FILE_WRONG_TYPE = ("บอทรับไฟล์ปฏิทินเป็น .xlsx, .csv หรือ .yaml เท่านั้น ไฟล์ {file} ยังไม่ได้บันทึก "
                   "พิมพ์ \"แบบฟอร์มปฏิทิน\" เพื่อรับแบบฟอร์ม")
FILE_GONE = "LINE ไม่เก็บไฟล์ {file} ไว้แล้ว กรุณาส่งใหม่อีกครั้ง"
FILE_LINE_DOWN = "ตอนนี้ดึงไฟล์ {file} จาก LINE ไม่ได้ ยังไม่ได้บันทึกอะไร กรุณาส่งใหม่อีกครั้งในอีกสักครู่"
FILE_NOT_YOURS = {
    "nacc": "ไฟล์นี้เป็นปฏิทินของ ป.ป.ช. ซึ่งแก้ได้เฉพาะผู้ดูแลระบบ ไม่ได้บันทึกอะไร",
    "province": "ไฟล์นี้เป็นกำหนดการของจังหวัด{province} ท่านแก้ได้เฉพาะของจังหวัด{own} ไม่ได้บันทึกอะไร",
}
FILE_NO_PROVINCE = "ยังไม่ทราบว่าท่านเป็นผู้ประสานงานจังหวัดใด จึงยังรับไฟล์ปฏิทินไม่ได้"
FILE_UNCHANGED = "ไฟล์ {file} ตรงกับปฏิทินที่ใช้อยู่ ({title}) ไม่มีอะไรต้องเปลี่ยน"
FILE_PREVIEW_ALT = "ตัวอย่างปฏิทินจากไฟล์ {file}: เพิ่ม {added} เปลี่ยน {changed} ลบ {removed} (ยังไม่บันทึก แตะยืนยันภายใน 1 ชั่วโมง)"
FILE_PREVIEW_TITLE = "📝 {title}"
FILE_PREVIEW_SUB = "จากไฟล์ {file} · ยังไม่บันทึก"
FILE_PREVIEW_SECTIONS = {"added": "เพิ่ม {count} ขั้นตอน", "changed": "เปลี่ยน {count} ขั้นตอน",
                         "removed": "ลบ {count} ขั้นตอน"}
FILE_PREVIEW_COLOURS = {"added": "#06C755", "changed": "#F5A623", "removed": "#E0393E"}
FILE_PREVIEW_MORE = "… และอีก {count} ขั้นตอน"
FILE_PREVIEW_SAME = "ไม่เปลี่ยน {count} ขั้นตอน"
FILE_DRAFT_REPLACED = "แทนร่างที่คาดการณ์จากปี {year} และเปิดแจ้งเตือนตามปฏิทินนี้"
FILE_DONE = ("✅ บันทึกปฏิทินจากไฟล์ {file} แล้ว: เพิ่ม {added} เปลี่ยน {changed} ลบ {removed} ขั้นตอน\n"
             "แจ้งเตือนตามวันเดิมที่รอส่งถูกยกเลิก {dropped} รายการ · แจ้งไปยัง {chats} แชต")
TEMPLATE_LINK = ("📄 แบบฟอร์มปฏิทิน ITA {year}{whose} (Excel)\n{url}\n"
                 "กรอกแถวละหนึ่งขั้นตอน แล้วส่งไฟล์กลับมาในแชตนี้ บอทจะแสดงตัวอย่างให้ยืนยันก่อนบันทึก")
SUMMARY_CALENDAR_TEMPLATE = "แบบฟอร์มปฏิทิน (Excel) สำหรับส่งปฏิทินเป็นไฟล์ (ผู้ประสานงาน)"
WHAT_CALENDAR_FILE = "ส่งไฟล์ปฏิทิน"
CALENDAR_REMOVED = "ยกเลิก"
OF_NACC = " (ป.ป.ช.)"

# -- next year's units (handlers/units_year.py) ---------------------------------------------------
ROLLOVER_REFUSED = {
    "nothing": "ยังไม่มีปีก่อนหน้าที่จังหวัด{province}มีรายชื่อหน่วยงานและโควตา จึงยกยอดไปปี {year} ไม่ได้ "
               "(นำเข้ารายชื่อด้วยไฟล์หน่วยงานก่อน)",
    "none_that_year": "ปี {year} จังหวัด{province}ไม่มีหน่วยงานที่มีโควตา จึงไม่มีอะไรให้ยกยอด",
}
ROLLOVER_DONE = ("✅ ยกยอดหน่วยงานของจังหวัด{province} จากปี {from_year} ไปปี {year} แล้ว: {copied} หน่วยงาน "
                 "(โควตาเดิมเป็นค่าเริ่มต้น ยอด IIT/EIT เริ่มที่ 0 สมาชิกและกลุ่มที่ผูกไว้คงเดิม){kept}\n"
                 "แก้โควตาได้ด้วย \"ตั้งโควตา IIT อบต.... 60\" หรือส่งไฟล์หน่วยงาน (พิมพ์ \"แบบฟอร์มหน่วยงาน\")")
ROLLOVER_KEPT = "\nหน่วยงานที่มีโควตาปี {year} อยู่แล้ว {kept} แห่ง คงไว้ตามเดิม"
ROLLOVER_HOW = "พิมพ์ปีที่จะยกยอดไป เช่น \"ยกยอดหน่วยงาน 2570\""
ROLLOVER_STATE = "ปี {year} จังหวัด{province}มีหน่วยงานที่ตั้งโควตาแล้ว {count} แห่ง"
SUMMARY_UNITS_ROLLOVER = "ยกยอดรายชื่อหน่วยงานและโควตาไปปีใหม่ (ผู้ประสานงาน)"
WHAT_UNITS_ROLLOVER = "ยกยอดหน่วยงานของ{subject}"

# -- a units file (handlers/units_file.py) -------------------------------------------------------
UNIT_COLUMNS = {"unit": "หน่วยงาน", "type": "ประเภท", "iit_min": "IIT ขั้นต่ำ", "eit_min": "EIT ขั้นต่ำ",
                "internal_stakeholders": "จำนวนบุคลากร", "aliases": "ชื่อย่อ", "province": "จังหวัด"}
UNIT_CELL_TWICE = "หน่วยงานเดียวกับแถว {row}"
UNIT_CELL_TYPE = "\"{value}\" ไม่ใช่ประเภทหน่วยงาน (เช่น อบต., ทต., ทม., อบจ., อำเภอ)"
UNIT_CELL_COUNT = "\"{value}\" ต้องเป็นจำนวนเต็ม 0 ถึง 100,000"
UNIT_CELL_PROVINCE = "\"{value}\" ไม่ใช่จังหวัด{province} (ส่งได้เฉพาะหน่วยงานของจังหวัดตนเอง)"
UNITS_PREVIEW_TITLE = "📝 หน่วยงานของจังหวัด{province} ปี {year}"
UNITS_PREVIEW_ALT = "ตัวอย่างรายชื่อหน่วยงานจากไฟล์ {file}: เพิ่ม {added} เปลี่ยน {changed} ลบ {removed} (ยังไม่บันทึก)"
UNITS_PREVIEW_SECTIONS = {"added": "เพิ่ม {count} หน่วยงาน", "changed": "เปลี่ยน {count} หน่วยงาน",
                          "removed": "ไม่เข้าร่วมปีนี้ {count} หน่วยงาน"}
UNITS_PREVIEW_LINE = "• {unit}: IIT ≥ {iit} · EIT ≥ {eit}"
UNITS_PREVIEW_CHANGED = "• {unit}: {changes}"
UNITS_PREVIEW_SAME = "ไม่เปลี่ยน {count} หน่วยงาน · ยอดที่รายงานแล้วคงเดิม"
UNITS_FIELD = {"kind": "ประเภท", "iit_min": "IIT", "eit_min": "EIT", "internal_stakeholders": "บุคลากร",
               "aliases": "ชื่อย่อ"}
UNITS_UNCHANGED = "ไฟล์ {file} ตรงกับรายชื่อหน่วยงานปี {year} ที่ใช้อยู่ ไม่มีอะไรต้องเปลี่ยน"
UNITS_DONE = "✅ บันทึกรายชื่อหน่วยงานของจังหวัด{province} ปี {year} จากไฟล์ {file} แล้ว: เพิ่ม {added} เปลี่ยน {changed} ไม่เข้าร่วม {removed}"
UNITS_NO_PROVINCE = "ไฟล์รายชื่อหน่วยงานส่งได้โดยผู้ประสานงานของจังหวัดนั้น (ยังไม่ทราบว่าท่านดูแลจังหวัดใด) ไม่ได้บันทึกอะไร"
UNITS_TEMPLATE_LINK = ("📄 แบบฟอร์มรายชื่อหน่วยงาน จ.{province} ปี {year} (Excel)\n{url}\n"
                       "แถวละหนึ่งหน่วยงาน ลบแถว = ไม่เข้าร่วมปีนี้ แล้วส่งไฟล์กลับมาในแชตนี้ บอทจะแสดงตัวอย่างให้ยืนยันก่อนบันทึก")
SUMMARY_UNITS_TEMPLATE = "แบบฟอร์มรายชื่อหน่วยงานและโควตา (Excel) สำหรับส่งเป็นไฟล์ (ผู้ประสานงาน)"
UNITS_SHEET_TITLE = "หน่วยงาน"
WHAT_UNITS_FILE = "แก้รายชื่อหน่วยงานของ{subject}"

# -- small talk and what the bot cannot know (handlers/small_talk.py, handlers/elsewhere.py) ------
ACK = "👍 รับทราบครับ ถ้าต้องการอะไรเพิ่ม แตะปุ่มด้านล่างได้เลย"
ELSEWHERE = ("เรื่องนี้บอทตอบไม่ได้ เพราะไม่มีข้อมูลในระบบของบอท 🙏\n"
             "สอบถามได้ที่:\n{contacts}\n\n"
             "บอทช่วยได้เรื่อง: กำหนดการ ITA, รายงานยอด IIT/EIT, สถานะของหน่วยงาน และการแจ้งเตือน")
ELSEWHERE_CONTACT = "• {who}: {how}"
SUMMARY_ELSEWHERE = "คำถามนอกข้อมูลของบอท: บอกว่าควรถามใคร"

# -- the rich menu (bot/line/richmenu.py): each area's label is also the text it sends ----------
RICH_MENU_BAR = "เมนู ITA"  # LINE: the chat bar's text, at most 14 characters
RICH_MENU_MEMBER = (("กำหนดการ", "รายงานยอด", "สถานะ", "แจ้งเตือนถัดไป", "ช่วยเหลือ"),)
RICH_MENU_COORDINATOR = (("กำหนดการ", "รายงานยอด", "สถานะ", "แจ้งเตือนถัดไป"), ("สรุป", "ยังไม่ครบ", "ช่วยเหลือ"))

# -- the simulator (bot/web/simulator.py, `itabot demo`) ------------------------------------------
SIM_TITLE = "ลองคุยกับผู้ช่วย ITA"
SIM_TODAY = "วันที่ในการสาธิต: {date} (ตั้งด้วย --now หรือ ITABOT_NOW)"
SIM_PERSON = "คุยในนามของ"
SIM_CHAT = "ในแชต"
SIM_ONE_TO_ONE = "แชต 1:1 กับบอท"
SIM_PLACEHOLDER = "พิมพ์ข้อความ…"
SIM_SEND = "ส่ง"
SIM_REMIND = "ทำรอบแจ้งเตือนตอนนี้"
SIM_BOT = "ผู้ช่วย ITA"
SIM_PUSHED = "แจ้งเตือน (push)"
SIM_REMINDED = "รอบแจ้งเตือน: ส่ง {sent} แชต ({messages} ข้อความ) · รอ {waiting} · ส่งแล้วก่อนหน้านี้ไม่ส่งซ้ำ"
SIM_NOTHING_DUE = "รอบแจ้งเตือน: ตอนนี้ไม่มีแจ้งเตือนที่ถึงกำหนด (ที่ส่งแล้วไม่ส่งซ้ำ)"
SIM_EMPTY = "ยังไม่มีข้อความในแชตนี้ ลองพิมพ์ \"กำหนดการ\" หรือแตะเมนูด้านล่าง"
SIM_OLDER = "ซ่อนข้อความเก่า {count} ข้อความ"
SIM_BAD_INPUT = "ส่งไม่ได้: {reason}"
SIM_TOO_LONG = "ข้อความยาวเกิน {limit} ตัวอักษร (ขีดจำกัดของ LINE)"
SIM_UNKNOWN_PLACE = "ไม่รู้จักผู้ใช้หรือแชตที่เลือก"
SIM_NO_FAKE_LINE = "หน้านี้ใช้กับ itabot demo (LINE จำลอง) เท่านั้น"
SIM_LINE_STATUS = "LINE ตอบการส่งนี้ด้วยสถานะ {status}"

# -- the province's dashboard (handlers/dashboard.py, bot/web/dashboard.py) -----------------------
SUMMARY_DASHBOARD = "แดชบอร์ดของจังหวัด: ทุกหน่วยงาน แถบความคืบหน้า ไฟล์ Excel (ผู้ประสานงาน)"
DASHBOARD_ALT = "แดชบอร์ด ITA {year} จ.{province}: {url}"
DASHBOARD_TITLE = "📊 แดชบอร์ด ITA {year} จ.{province}"
DASHBOARD_NOTE = "ลิงก์นี้สำหรับท่านเท่านั้น ใช้ได้ {hours} ชั่วโมง (ถึง {until}) ขอใหม่ได้ด้วยคำว่า \"แดชบอร์ด\""
DASHBOARD_OPEN = "เปิดแดชบอร์ด"
DASHBOARD_EXCEL = "ดาวน์โหลด Excel"
DASH_PAGE_TITLE = "แดชบอร์ด ITA {year} · จ.{province}"
DASH_AS_OF = "ข้อมูล ณ {date} {time} น. · ตัวเลขที่หน่วยงานรายงานในบอท"
DASH_UNITS = "หน่วยงานที่เข้าร่วม"
DASH_RESPONSES = "{count} ชุด"
DASH_AT_MINIMUM = "ครบขั้นต่ำ {ok} · ยังไม่ครบ {not_ok}"
DASH_OIT = "OIT"
DASH_OIT_FIGURES = "เริ่มแล้ว {started} · อนุมัติครบ {done} · ยังไม่ครบ {not_done}"
DASH_OPEN_NOW = "ช่วงนี้"
DASH_NEXT = "ถัดไป"
DASH_NO_STEPS = "ไม่มีขั้นตอนในช่วงนี้"
DASH_STEP_LEFT = "{span} · เหลือ {days} วัน"
DASH_STEP_LAST_DAY = "{span} · วันสุดท้าย"
DASH_STEP_STARTS = "{span} · เริ่มในอีก {days} วัน"
DASH_FILTER = "ค้นหาหน่วยงาน…"
DASH_ONLY_BEHIND = "เฉพาะที่ยังไม่ครบ"
DASH_COLUMNS = {"unit": "หน่วยงาน", "iit": "IIT", "eit": "EIT ส่วนที่ 1", "oit": "OIT", "last": "รายงานล่าสุด"}
DASH_NEVER = "ยังไม่เคยรายงาน"
DASH_LAST = "{form} {count} · {who} · {date}"
DASH_CHART = "ยอดตอบรวมของจังหวัดรายสัปดาห์ เทียบกับผลรวมขั้นต่ำ"
DASH_CHART_IIT = "IIT"
DASH_CHART_EIT = "EIT ส่วนที่ 1"
DASH_CHART_IIT_MIN = "ขั้นต่ำ IIT รวม"
DASH_CHART_EIT_MIN = "ขั้นต่ำ EIT รวม"
DASH_FORBIDDEN = "ลิงก์นี้ใช้ไม่ได้ (หมดอายุ ถูกแก้ไข หรือไม่ใช่ของจังหวัดนี้) ขอลิงก์ใหม่ในแชตด้วยคำว่า \"แดชบอร์ด\""
EXPORT_SHEET_UNITS = "หน่วยงาน"
EXPORT_ITAS_COLUMNS = ("ITAS: IIT", "ITAS: EIT ส่วนที่ 1", "ITAS: OIT")
EXPORT_SHEET_CALENDAR = "ปฏิทิน"
EXPORT_UNIT_COLUMNS = ("หน่วยงาน", "IIT", "IIT ขั้นต่ำ", "IIT ขาดอีก", "EIT ส่วนที่ 1", "EIT ขั้นต่ำ", "EIT ขาดอีก",
                       "OIT", "รายงานล่าสุด", "รายงานโดย", "เมื่อ")
EXPORT_CALENDAR_COLUMNS = ("ขั้นตอน", "เริ่ม", "สิ้นสุด", "แบบวัด", "ผู้ดำเนินการ", "กำหนดของจังหวัด")
EXPORT_DONE = "{province} ปี {year}: {units} หน่วยงาน → {file}"
EXPORT_NO_PROVINCE = "ไม่พบจังหวัด {province}"
FEED_NAME = "ITA {year} จ.{province}"
FEED_DESCRIPTION = "กำหนดการ ITA ของ ป.ป.ช. และของจังหวัด{province} (จากผู้ช่วย ITA)"
FEED_PROVINCE_STEP = "{short} (จ.{province})"
FEED_SUBSCRIBE = "เพิ่มลงปฏิทิน (ICS)"

# -- ITAS's own figures beside the bot's (bot/ita/itas_figures.py, handlers/itas.py) ------------
# The labels of the ITAS status page ("สถานะการประเมิน ITA" of a province), as pasted from it.
ITAS_PAGE = {
    "units": "หน่วยงานที่เข้าร่วมทั้งหมด",
    "iit": "(แบบวัด IIT)",
    "eit1": "ภายนอก (ส่วนที่ 1)",
    "eit2": "ภายนอก (ส่วนที่ 2)",
    "oit": "(OIT)",
    "total": "ทั้งหมด",
    "below": "ยังไม่ครบ",
    "done": "ครบ",
    "year": "ปีงบประมาณ",
}
ITAS_FORM_NAMES = {"iit": "IIT", "eit1": "EIT ส่วนที่ 1", "eit2": "EIT ส่วนที่ 2", "oit": "OIT"}
ITAS_BAD_PASTE = "อ่านข้อความสถานะจาก ITAS ไม่ได้ ไม่ได้บันทึกอะไร:\n{problems}"
ITAS_LINE = "• บรรทัด {line} \"{text}\": {problem}"
ITAS_MISSING = "• ไม่พบ{what}"
ITAS_NO_NUMBER = "ไม่พบตัวเลข"
ITAS_SUM = "ครบ {ok} + ยังไม่ครบ {below} ไม่เท่ากับหน่วยงานที่เข้าร่วม {units}"
ITAS_WHAT = {"units": "จำนวนหน่วยงานที่เข้าร่วมทั้งหมด", "total": "ยอดทั้งหมดของ {form}",
             "done": "จำนวนหน่วยงานที่ครบของ {form}", "below": "จำนวนหน่วยงานที่ยังไม่ครบของ {form}",
             "form": "ส่วนของแบบวัด {form}"}
ITAS_STORED = ("✅ บันทึกตัวเลขจาก ITAS ของ จ.{province} วันที่ {date} แล้ว (ยอดที่หน่วยงานรายงานในบอทไม่เปลี่ยน)\n"
               "{lines}")
ITAS_COMPARE = "{form}: ITAS {itas:,} · ในบอท {bot:,}{flag}"
ITAS_COMPARE_OK = "{form}: ครบขั้นต่ำ ITAS {itas} · ในบอท {bot} หน่วยงาน{flag}"
ITAS_DIFFERENT = " ⚠️ ต่าง {diff:+,}"
ITAS_SUMMARY_HEADER = "\nเทียบกับ ITAS ({date}):"
ITAS_NOT_YET = "\nยังไม่มีตัวเลขจาก ITAS: วางข้อความจากหน้าสถานะ ITAS ในแชตนี้เพื่อเทียบ"
WHAT_ITAS_FIGURES = "บันทึกตัวเลขจาก ITAS ของ{subject}"
ITAS_ROWS = {"units": "หน่วยงาน", "iit": "IIT", "iit_ok": "IIT", "eit": "EIT ส่วนที่ 1", "eit_ok": "EIT ส่วนที่ 1",
             "oit_done": "OIT ครบขั้นตอน"}
DASH_ITAS = "เทียบกับ ITAS ({date})"
DASH_ITAS_ROW = "{what}: ITAS {itas} · ในบอท {bot}"
DASH_AT_MIN_SUFFIX = " ครบขั้นต่ำ"
ITAS_SHEET_COLUMNS = {"unit": "หน่วยงาน", "iit": "IIT", "eit1": "EIT ส่วนที่ 1", "eit2": "EIT ส่วนที่ 2", "oit": "OIT"}
ITAS_SHEET_TITLE = "ตัวเลข ITAS"
ITAS_SHEET_MISSING = "แถว 1: ไม่พบคอลัมน์ {columns} (ขอแบบฟอร์มได้ด้วยคำว่า \"แบบฟอร์ม ITAS\")"
ITAS_SHEET_UNKNOWN_UNIT = "ไม่พบหน่วยงานนี้ใน จ.{province}"
ITAS_SHEET_TWICE = "หน่วยงานนี้อยู่ในแถว {first} แล้ว"
ITAS_SHEET_COUNT = "ต้องเป็นจำนวนเต็ม 0 ถึง 100,000"
ITAS_SHEET_OIT = "สถานะ OIT ที่รู้จัก: ยังไม่เริ่ม, กำลังตอบ, รออนุมัติ, อนุมัติแล้ว"
ITAS_SHEET_NO_ROWS = "ไม่มีหน่วยงานในไฟล์ (แถวละหนึ่งหน่วยงาน ใต้แถวหัวตาราง)"
ITAS_SHEET_STORED = ("✅ บันทึกตัวเลขรายหน่วยงานจาก ITAS ของ จ.{province} วันที่ {date} จากไฟล์ {file} แล้ว: "
                     "{units} หน่วยงาน · ต่างจากในบอท {differ} หน่วยงาน (ยอดที่รายงานในบอทไม่เปลี่ยน)\n{lines}")
ITAS_TEMPLATE_LINK = ("📄 แบบฟอร์มตัวเลข ITAS รายหน่วยงาน จ.{province} ปี {year} (Excel)\n{url}\n"
                      "กรอกตัวเลขตามหน้าสถานะ ITAS แล้วส่งไฟล์กลับมาในแชต 1:1 นี้")
SUMMARY_ITAS = "วางข้อความหน้าสถานะ ITAS หรือส่งไฟล์ตัวเลข ITAS เพื่อเทียบกับยอดในบอท (ผู้ประสานงาน)"
DASH_ITAS_UNIT = "ITAS {count}"
