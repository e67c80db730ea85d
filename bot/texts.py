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

NOT_UNDERSTOOD = "ขออภัยครับ ยังไม่เข้าใจข้อความนี้\nพิมพ์ \"ช่วยเหลือ\" เพื่อดูสิ่งที่ทำได้"
NOT_ALLOWED = "ขออภัยครับ คำสั่งนี้สงวนไว้สำหรับผู้ที่ได้รับสิทธิ์เท่านั้น"
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
AGENDA_SOURCE = "ที่มา: {sources}"
ACTOR = {"unit": "หน่วยงาน", "province": "จังหวัด", "nacc": "ป.ป.ช."}

STATUS_DAYS_LEFT = "เหลือ {days} วัน"
STATUS_LAST_DAY = "วันนี้วันสุดท้าย"
STATUS_LAST_DAY_AT = "วันนี้วันสุดท้าย ถึง {time} น."
STATUS_STARTS_IN = "เริ่มในอีก {days} วัน"
STATUS_STARTS_TOMORROW = "เริ่มพรุ่งนี้"
STATUS_PASSED = "เลยกำหนดแล้ว {days} วัน"
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
SUMMARY_DEADLINES = "ถามกำหนดการ ITA: ขั้นตอนที่เปิดอยู่ ขั้นถัดไป และจำนวนวันที่เหลือ"
SUMMARY_FORM_DEADLINE = "ถามกำหนดส่งของแบบวัด IIT / EIT / OIT"
SUMMARY_WHAT_NOW = "ตอนนี้หน่วยงานต้องทำอะไร"
SUMMARY_HELP = "ดูคำสั่งทั้งหมด"
