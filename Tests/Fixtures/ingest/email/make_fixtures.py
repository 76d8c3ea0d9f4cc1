#!/usr/bin/env python3
"""Writes the e-mail fixtures of EmailFormatTests (run from this folder).

The bytes are spelled out here, with Python's codecs for the legacy charsets and the
transfer encodings, so that the tests can assert exact values.
"""
import base64
import quopri


def b_word(text, charset="UTF-8"):
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode(charset)).decode())


def q_word(text, charset="UTF-8"):
    out = []
    for byte in text.encode(charset):
        c = chr(byte)
        if c == " ":
            out.append("_")
        elif c.isalnum() and byte < 128:
            out.append(c)
        else:
            out.append("=%02X" % byte)
    return "=?%s?Q?%s?=" % (charset, "".join(out))


def b64_lines(data):
    text = base64.b64encode(data).decode()
    return "\n".join(text[i:i + 76] for i in range(0, len(text), 76))


def write(name, text, encoding="utf-8", crlf=False):
    if crlf:
        text = text.replace("\n", "\r\n")
    with open(name, "wb") as f:
        f.write(text.encode(encoding) if isinstance(text, str) else text)


# --- inbox.mbox: five messages -------------------------------------------------------

subject2 = (q_word("Нет горячей") + "\n " + q_word(" воды") + " " + b_word(" вторую неделю"))
mbox = f"""From ivan.petrov@mail.example Mon Nov 30 04:15:00 2026
Return-Path: <ivan.petrov@mail.example>
From: Ivan Petrov <Ivan.Petrov@Mail.Example>
To: obrashcheniya@ozeretsk.example
Subject: Яма на улице Мира
Date: Mon, 30 Nov 2026 09:15:00 +0500
Message-ID: <20261130091500.1234@mail.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Здравствуйте!

Во дворе дома 3 по улице Мира яма глубиной полметра.
>From my window I see cars hitting it every day.
>>From now on I will write every week.

С уважением,
Иван Петров

From olga.smirnova@mail.example Mon Nov 30 05:02:11 2026
From: {b_word("Ольга Смирнова")} <olga.smirnova@mail.example>
To: obrashcheniya@ozeretsk.example
Subject: {subject2}
Date: 30 Nov 2026 10:02:11 +0500
Message-ID: <a1b2c3@mail.example>
Content-Type: text/plain; charset="utf-8"

Третий день нет горячей воды в доме 12 по ул. Ленина.

From ivan.petrov@mail.example Tue Dec  1 06:30:00 2026
From: "Петров Иван" <ivan.petrov@mail.example>
To: obrashcheniya@ozeretsk.example
Subject: Re: {b_word("Яма на улице Мира", "KOI8-R")}
Date: Tue, 1 Dec 2026 11:30:00 +0500 (YEKT)
Message-ID: <20261201113000.5678@mail.example>
In-Reply-To: <reply-1@ozeretsk.example>
References: <20261130091500.1234@mail.example>
 <reply-1@ozeretsk.example>
Content-Type: text/plain; charset=utf-8; format=flowed

Спасибо за ответ. Яму засыпали щебнем, но после дождя она 
снова появилась.

> Яма будет отремонтирована до 5 декабря.

From anna.sidorova@mail.example Wed Dec  2 05:00:00 2026
From: anna.sidorova@mail.example (Анна Сидорова)
To: obrashcheniya@ozeretsk.example
Subject: Мусор во дворе
Date: Wed, 02 Dec 26 08:00:00 MSK

Контейнеры на ул. Садовой не вывозят.
From the first of December nobody has come.

From sergey@mail.example Thu Dec  3 07:45:00 2026
From: Сергей Волков <Sergey@Mail.Example>
To: obrashcheniya@ozeretsk.example
Subject: Не горят фонари
Message-ID: <no-date@mail.example>

На улице Гагарина не горят фонари.
"""
write("inbox.mbox", mbox)

# --- koi8r-qp.eml: KOI8-R, quoted-printable, CRLF ----------------------------------

body = ("Добрый день!\n\n"
        "Уже вторую неделю во втором подъезде дома 7 по улице Строителей протекает крыша, "
        "вода течёт по стенам до третьего этажа.\n"
        "Прошу принять меры.\n")
qp = quopri.encodestring(body.encode("koi8-r")).decode("ascii")
koi8 = f"""From: {b_word("Мария Кузнецова", "KOI8-R")} <m.kuznetsova@mail.example>
To: obrashcheniya@ozeretsk.example
Subject: {q_word("Протекает крыша", "KOI8-R")}
Date: Fri, 27 Nov 2026 14:20:00 +0300
Message-ID: <koi8.20261127@mail.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=KOI8-R
Content-Transfer-Encoding: quoted-printable

{qp}"""
write("koi8r-qp.eml", koi8, crlf=True)

# --- cp1251-base64.eml: Windows-1251, base64 ---------------------------------------

body = ("Жалоба на управляющую компанию «Уют».\n"
        "В квартире 45 дома 9 по проспекту Победы батареи холодные, температура +14°.\n"
        "Заявку № 1187 не выполняют две недели.\n")
cp1251 = f"""From: {b_word("Николай Орлов", "windows-1251")} <n.orlov@mail.example>
To: obrashcheniya@ozeretsk.example
Subject: {b_word("Холодные батареи", "windows-1251")}
Date: Thu, 26 Nov 2026 16:05:00 +0400
Message-ID: <cp1251.20261126@mail.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="windows-1251"
Content-Transfer-Encoding: base64

{b64_lines(body.encode("windows-1251"))}
"""
write("cp1251-base64.eml", cp1251)

# --- alternative.eml: multipart/alternative, text and HTML ---------------------------

plain = "Просим проверить детскую площадку у дома 15:\nкачели сломаны, торчат болты.\n"
html = ("<html><body><p>Просим проверить детскую площадку у дома 15:<br>"
        "качели <b>сломаны</b>, торчат болты.</p></body></html>\n")
alternative = f"""From: {q_word("Елена Морозова")} <e.morozova@mail.example>
To: obrashcheniya@ozeretsk.example
Subject: {b_word("Детская площадка")}
Date: Sat, 28 Nov 2026 12:00:00 +0500
Message-ID: <alt.20261128@mail.example>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="----=_Part_0_1234.5678"

This is a multi-part message in MIME format.

------=_Part_0_1234.5678
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

{quopri.encodestring(plain.encode()).decode()}
------=_Part_0_1234.5678
Content-Type: text/html; charset=UTF-8
Content-Transfer-Encoding: base64

{b64_lines(html.encode())}
------=_Part_0_1234.5678--

Epilogue that nobody reads.
"""
write("alternative.eml", alternative)

# --- html-only.eml: a web form's notification, HTML only ---------------------------

html = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>Новое обращение</title>
<style>p { margin: 0 }</style>
</head>
<body>
<script type="text/javascript">var tracking = "<p>not text</p>";</script>
<h2>Обращение &#8470;&nbsp;5521</h2>
<table>
<tr><td>Адрес:</td><td>ул. Мира, д.&nbsp;3</td></tr>
<tr><td>Тема:</td><td>Освещение &amp; дороги</td></tr>
</table>
<p>Не работает светофор на перекрёстке Мира и Ленина &mdash; уже
   <i>третий</i> день.</p>
<p>Водители &laquo;проскакивают&raquo; на красный &lt;опасно&gt;, &#x2014; &quot;нужно срочно&quot;.</p>
<!-- footer -->
<div>Сообщение отправлено с сайта</div><div>ozeretsk.example</div>
</body>
</html>
"""
html_only = f"""From: "Портал обращений" <noreply@portal.ozeretsk.example>
To: obrashcheniya@ozeretsk.example
Subject: {b_word("Обращение №5521 с сайта")}
Date: Sun, 29 Nov 2026 08:45:00 +0500
Message-ID: <form-5521@portal.ozeretsk.example>
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

{quopri.encodestring(html.encode()).decode()}"""
write("html-only.eml", html_only)

# --- attachment.eml: multipart/mixed with a PDF (RFC 2047 name) and a photo (RFC 2231) -

pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
jpeg = bytes([0xFF, 0xD8, 0xFF, 0xE0]) + b"\x00\x10JFIF\x00" + bytes(range(32)) + bytes([0xFF, 0xD9])
pdf_name = b_word("Акт осмотра.pdf")
photo = "фото ямы.jpg".encode()
photo_pct = "".join("%%%02X" % b for b in photo)
text = "Направляю акт осмотра и фото.\nЯма так и не отремонтирована.\n"
attachment = f"""From: {b_word("Иван Петров")} <ivan.petrov@mail.example>
To: obrashcheniya@ozeretsk.example
Subject: {b_word("Акт осмотра")}
Date: Wed, 2 Dec 2026 17:10:00 +0500
Message-ID: <mixed.20261202@mail.example>
MIME-Version: 1.0
Content-Type: multipart/mixed;
 boundary="=_mixed_boundary"

--=_mixed_boundary
Content-Type: multipart/alternative; boundary="=_alt_boundary"

--=_alt_boundary
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

{b64_lines(text.encode())}
--=_alt_boundary
Content-Type: text/html; charset=utf-8

<p>Направляю акт осмотра и фото.</p>
--=_alt_boundary--

--=_mixed_boundary
Content-Type: application/pdf; name="{pdf_name}"
Content-Disposition: attachment; filename="{pdf_name}"
Content-Transfer-Encoding: base64

{b64_lines(pdf)}
--=_mixed_boundary
Content-Type: image/jpeg
Content-Disposition: inline;
 filename*0*=UTF-8''{photo_pct[:30]};
 filename*1*={photo_pct[30:]}
Content-Transfer-Encoding: base64

{b64_lines(jpeg)}
--=_mixed_boundary--
"""
write("attachment.eml", attachment)
