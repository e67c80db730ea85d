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
BEHIND_TITLE = "⏳ ยังไม่ครบขั้นต่ำ · จ.{province} ({count} หน่วยงาน) หน้า {page}/{pages}"
BEHIND_LINE = "{n}. {unit} — {gaps}"
BEHIND_GAP = "{form} {count}/{minimum} ขาด {missing}"
BEHIND_NONE = "ทุกหน่วยงานใน จ.{province} ครบขั้นต่ำแล้ว 🎉"
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
