#!/usr/bin/env python3
"""Converts the TTHC research file into motcua's sample catalog (assets/catalog/catalog.json).

Usage:
    tools/catalog/convert_research.py [RESEARCH_JSON] [--fixes FIXES_JSON] [-o OUTPUT]

RESEARCH_JSON defaults to /work/shared/data/tthc-research.json, FIXES_JSON to
tthc-components-fixes.json beside it, and OUTPUT to assets/catalog/catalog.json beside this
repository. Standard library only.

The research file cut long dossier rows and case headings at about 200 characters (marked "…"),
gave some rows the wrong case, and read the trailing digits of 9 names as quantities. The fixes
file recovers the full text from the same portal pages; it is required, and every fix is checked
against the row it names (see load_fixes) so that a fix for the wrong row fails loudly.

The rule of the conversion is: never invent a code, a fee or a duration. A value is copied only
when the research file records it (see assets/catalog/README.md, "Conversion choices", for every
rule and each exception). The few places where the research file itself flags which of two
conflicting values is usable are listed in FLAGGED_DURATIONS and FLAGGED_FEES below; the script
checks that the quoted text really is in the research file and reads the number from it, so a
changed research file fails loudly instead of silently keeping an old number.

The output is written in the canonical form of CatalogToJson (shared/catalog/catalog_json.h):
two-space indentation, keys in a fixed order, UTF-8 (NFC), a final newline. A test checks that
parsing and re-exporting the shipped file gives the same bytes.
"""

import argparse
import hashlib
import json
import os
import re
import sys
import unicodedata

DEFAULT_RESEARCH = "/work/shared/data/tthc-research.json"
FIXES_FILE_NAME = "tthc-components-fixes.json"  # default: beside the research file
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_OUTPUT = os.path.join(REPO_ROOT, "assets", "catalog", "catalog.json")

CODE_RE = re.compile(r"^\d\.\d{6}$")

LEVELS = {"xã": "commune", "tỉnh": "province", "both": "both", "trung ương": "central"}

# The research file's channel names (as DVCQG prints them) and the catalog's.
CHANNELS = {"Trực tiếp": "counter", "Dịch vụ bưu chính": "postal", "Trực tuyến": "online"}

# Published duration units → calendar/duration.h suffixes. "giờ" is the only hour unit the
# sources use; motcua counts hours as working hours (domain.md §2.5, 1 working day = 8 h).
UNITS = {"ngày làm việc": "wd", "ngày": "d", "giờ": "wh", "tháng": "m"}

ONLINE_LEVELS = {"một phần": "partial", "toàn trình": "full", "không (chỉ trực tiếp)": "none"}

# Durations the research file flags as the usable value although the national table shows a bare
# number or a different unit. code -> (where the text is, the exact quoted text). The number and
# unit are parsed from the quote; the quote must occur in that part of the record.
FLAGGED_DURATIONS = {
    # HKD: table "Không có thông tin" / bare "1"; the same page's trình tự text and Hải Phòng QĐ 2831
    # give working days, and conflicts[].resolution says the working-day value is the usable one.
    "1.001612": ("conflicts", "03 ngày làm việc"),
    "2.000720": ("conflicts", "03 ngày làm việc"),
    "1.001570": ("conflicts", "01 ngày làm việc"),
    "1.001266": ("conflicts", "05 ngày làm việc"),
    # Liên thông khai sinh: the table says "20 Ngày" / "15 Ngày" but the page's own text, as the
    # research summary records it, says "tối đa ... ngày làm việc".
    "2.000986": ("summary", "Tối đa 20 ngày làm việc"),
    "2.001023": ("summary", "Tối đa 15 ngày làm việc"),
}
# Not flagged on purpose: 2.000575 (the usable text gives two sub-cases, 03 and 01 working days),
# 1.001029 (16 working days is for the whole liên thông bundle, not this procedure).

# Fees where the research file says the fee column is wrong and the description's amount is the
# one used (conflicts[].resolution). code -> (channels the amount replaces or None for all, fee
# name, the prefix of the conflict value that holds the amount).
FLAGGED_FEES = {
    "2.001610": (["online"], "Phí, lệ phí", "DVCQG description"),  # column "100 VNĐ" = data-entry error
    "3.000346": (None, "Lệ phí cấp giấy phép lái xe", "DVCQG description"),
    "3.000347": (None, "Lệ phí cấp giấy phép lái xe", "DVCQG description"),
    "3.000348": (None, "Lệ phí cấp giấy phép lái xe", "DVCQG description"),
    "3.000353": (None, "Lệ phí cấp giấy phép lái xe", "DVCQG description"),
}
# Fee conflicts left unresolved by the research ("both kept; verify"): the amount of the named
# channels is dropped, the other channels are kept, and both readings stay in fees_as_published.
UNRESOLVED_FEES = {"1.002755": ["online"]}  # column 5.000 đ vs description 7.000 đ

# A "Miễn phí" fee row whose own note says the amount is set elsewhere (by the provincial HĐND or
# by a circular whose rates the page does not print) is not a zero fee: no amount is written.
# Compared case-insensitively.
DEFERRED_FEE_MARKERS = ("hội đồng nhân dân", "hđnd", "mức thu", "đồng/", "luật phí và lệ phí", "trả phí")

# Texts longer than this in the agency field are crawl spill-over (a paragraph of procedure steps),
# not an agency name; they are dropped and reported.
MAX_AGENCY_CHARS = 200

# Sources whose research entries carry no "kind"/"document" description.
SOURCE_TITLES = {
    "DVCQG": "Procedure pages of the national public-service portal dichvucong.gov.vn "
             "(third-party Playwright crawl)",
}

# The heading the portal prints over its untitled table, which holds the rows common to every case
# of the procedure (the Tờ khai of the hộ tịch procedures, closing notes). The catalog writes such a
# row with an empty group, which catalog::AppliesToEveryCase (shared/catalog/procedure.h) counts as
# every case, so the kiosk and counter checklists of whichever case is chosen include it.
UNTITLED_TABLE = "--"

# Marks of a cut text; no component name or group may end in one.
CUT_MARKS = ("…", "...")

# A quantity as the portal prints it: "1 bản chính" or "1 bản chính,1 bản sao".
QUANTITY_RE = re.compile(r"(\d+) bản chính(?:,(\d+) bản sao)?")

CASE_PREFIXES = ("trường hợp", "nếu")
# Bullets and enumerators in front of a dossier row or group: "+ ", "- ", "a) ", "(iii) ", "(1.3) ".
LEADING_MARK_RE = re.compile(r"^(?:[+\-–•*]\s*|\(?[0-9ivxa-zđ]{1,5}(?:\.[0-9]+)*[.)]\s+)+", re.IGNORECASE)


class ConversionError(Exception):
    pass


def nfc(value):
    """NFC-normalises every string inside value."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    return value


def text(value):
    return "" if value is None else str(value).strip()


def starts_case(s):
    s = LEADING_MARK_RE.sub("", text(s)).casefold()
    return any(s.startswith(p) for p in CASE_PREFIXES)


def parse_duration_phrase(phrase, code):
    m = re.search(r"(\d+)\s+(ngày làm việc|ngày|giờ|tháng)", phrase, re.IGNORECASE)
    if not m:
        raise ConversionError(f"{code}: no '<N> <unit>' in flagged text {phrase!r}")
    return f"{int(m.group(1))}{UNITS[m.group(2).lower()]}"


def parse_vnd(text_with_amount, code):
    """First amount written "135.000 đồng" (dots as thousands separators) in the text."""
    m = re.search(r"(\d{1,3}(?:\.\d{3})+|\d+)\s*đồng", text_with_amount)
    if not m:
        raise ConversionError(f"{code}: no amount in đồng in {text_with_amount!r}")
    return int(m.group(1).replace(".", ""))


# ---------------------------------------------------------------------------------------------
# Processing time


def convert_processing(rec):
    code = rec["ma_tthc"]
    pt = rec["processing_time"]
    summary = text(pt.get("summary"))
    published = pt.get("published") or []

    parts = []  # officer-readable wording, from the rows as published
    candidates = []  # (channel or None, duration or None)
    for pub in published:
        if "by_channel" in pub:
            rows = pub["by_channel"]
            raws = [text(r.get("raw")) for r in rows]
            if rows and len(set(raws)) == 1:
                chans = ", ".join(text(r.get("channel")) for r in rows)
                parts.append(f"{raws[0]} ({chans})")
            else:
                parts.append("; ".join(f"{text(r.get('channel'))}: {text(r.get('raw'))}" for r in rows))
            for r in rows:
                unit = UNITS.get(text(r.get("unit")).lower())
                value = r.get("value")
                dur = f"{int(value)}{unit}" if unit and isinstance(value, int) else None
                candidates.append((CHANNELS.get(text(r.get("channel"))), dur))
        else:
            where = ", ".join(x for x in (text(pub.get("province")), text(pub.get("source_id"))) if x)
            parts.append(f"{text(pub.get('raw'))} ({where})")
            unit = UNITS.get(text(pub.get("unit")).lower())
            value = pub.get("value")
            candidates.append((None, f"{int(value)}{unit}" if unit and isinstance(value, int) else None))

    as_published = " | ".join(p for p in parts if p)
    if summary and summary not in as_published:
        as_published = f"{as_published} — {summary}" if as_published else summary

    standard, online = pick_durations(candidates)

    if code in FLAGGED_DURATIONS:
        where, quote = FLAGGED_DURATIONS[code]
        if where == "summary":
            haystack = summary
        else:
            haystack = " ".join(v for c in rec.get("conflicts") or [] if c.get("field") == "processing_time"
                                for v in c.get("values") or [])
            resolutions = " ".join(c.get("resolution", "") for c in rec.get("conflicts") or [])
            if "usable" not in resolutions:
                raise ConversionError(f"{code}: research no longer flags a usable duration")
        if quote not in haystack:
            raise ConversionError(f"{code}: flagged duration text {quote!r} not found in {where}")
        standard, online = parse_duration_phrase(quote, code), None

    return {"standard": standard, "online": online, "no_due_date": False, "as_published": as_published}


def pick_durations(candidates):
    """(standard, online) from per-channel rows, or (None, None) when the rows are not one value
    per channel with a unit. Standard covers the counter and postal channels, so it is set only
    when they agree; online is set only when it differs from standard."""
    if not candidates or any(d is None for _, d in candidates):
        return None, None
    provincial = [d for ch, d in candidates if ch is None]
    if provincial:
        # Provincial decisions give one value for every channel; several that disagree are a
        # conflict between provinces (e.g. 2.000286: Cao Bằng 25 vs Đồng Nai 10 working days).
        if len(set(provincial)) != 1 or len(provincial) != len(candidates):
            return None, None
        return provincial[0], None
    by_channel = {}
    for ch, d in candidates:
        by_channel.setdefault(ch, set()).add(d)
    if any(len(v) != 1 for v in by_channel.values()):
        return None, None  # several rows for one channel are sub-cases, not one duration
    one = {ch: next(iter(v)) for ch, v in by_channel.items()}
    paper = {one[ch] for ch in ("counter", "postal") if ch in one}
    if len(paper) > 1:
        return None, None  # counter and postal disagree: the research reads such rows as sub-cases
    standard = next(iter(paper)) if paper else None
    online = one.get("online")
    if online is not None and online == standard:
        online = None
    return standard, online


# ---------------------------------------------------------------------------------------------
# Fees


def convert_fees(rec, report):
    code = rec["ma_tthc"]
    fees_src = rec["fees"]
    summary = text(fees_src.get("summary"))
    rows = []  # (channel, label, amount or None, currency, note)
    for pub in fees_src.get("published") or []:
        for r in pub.get("by_channel") or []:
            rows.append((CHANNELS.get(text(r.get("channel"))), text(r.get("label")), r.get("amount"),
                         text(r.get("currency")), text(r.get("note"))))

    labels = []
    for ch, label, _, _, _ in rows:
        labels.append((label, ch))
    distinct_labels = sorted({lab for lab, _ in labels})
    if len(distinct_labels) == 1 and labels:
        chans = list(dict.fromkeys(CHANNEL_NAMES[ch] for _, ch in labels))
        wording = f"{distinct_labels[0]} ({', '.join(chans)})"
    else:
        wording = "; ".join(dict.fromkeys(f"{CHANNEL_NAMES[ch]}: {lab}" for lab, ch in labels))
    fees_as_published = wording
    if summary:
        fees_as_published = f"{wording} — {summary}" if wording else summary

    # If one "Miễn phí" row of the record says the amount is set elsewhere, none of them is a zero.
    deferred = any(label == "Miễn phí" and any(m in note.casefold() for m in DEFERRED_FEE_MARKERS)
                   for _, label, _, _, note in rows)
    amounts = []  # (channel, amount_vnd, note)
    for ch, label, amount, currency, note in rows:
        if amount is not None:
            if currency != "VND":
                report.append(f"{code}: fee {label!r} skipped (currency {currency}, not collected in đồng)")
                continue
            amounts.append((ch, int(amount), note))
        elif label == "Miễn phí":
            if deferred:
                continue  # the amount is set elsewhere: no zero fee
            amounts.append((ch, 0, note if note else "Miễn phí"))
        # "Không có thông tin" and anything else: no amount

    fee_name = "Phí, lệ phí"
    if code in FLAGGED_FEES:
        channels, fee_name, prefix = FLAGGED_FEES[code]
        conflict = [c for c in rec.get("conflicts") or [] if c.get("field") == "fees"]
        values = [v for c in conflict for v in c.get("values") or [] if v.startswith(prefix)]
        if not values or "description" not in " ".join(c.get("resolution", "") for c in conflict):
            raise ConversionError(f"{code}: research no longer flags the description's fee as usable")
        amount = parse_vnd(values[0], code)
        note = values[0]
        if channels is None:
            amounts = [(None, amount, note)]
        else:
            amounts = [(ch, amount if ch in channels else a, note if ch in channels else n)
                       for ch, a, n in amounts]
            for ch in channels:
                if ch not in {c for c, _, _ in amounts}:
                    amounts.append((ch, amount, note))
    if code in UNRESOLVED_FEES:
        amounts = [(ch, a, n) for ch, a, n in amounts if ch not in UNRESOLVED_FEES[code]]

    # One fee for every channel when all listed channels charge the same; else one per channel.
    if not amounts:
        return [], fees_as_published
    distinct = sorted({a for _, a, _ in amounts})
    listed = {ch for ch, _, _, _, _ in rows}
    charged = {ch for ch, _, _ in amounts}
    if len(distinct) == 1 and (charged == listed or None in charged):
        return [fee(fee_name, distinct[0], "", first_note(amounts))], fees_as_published
    out = []
    seen = set()
    for ch, a, n in sorted(amounts, key=lambda x: (CHANNEL_ORDER.index(x[0]), x[1])):
        if (ch, a) in seen:
            continue
        seen.add((ch, a))
        out.append(fee(fee_name, a, ch or "", n))
    return out, fees_as_published


CHANNEL_NAMES = {"counter": "Trực tiếp", "postal": "Dịch vụ bưu chính", "online": "Trực tuyến", None: "?"}
CHANNEL_ORDER = ["counter", "postal", "online", None]


def first_note(amounts):
    return next((n for _, _, n in amounts if n), "")


def fee(name, amount_vnd, channel, note):
    return {"name": name, "amount_vnd": amount_vnd, "channel": channel, "collected_when": "",
            "note": note}


# ---------------------------------------------------------------------------------------------
# Everything else


def convert_components(rec, fixes):
    """fixes: dossier.items index -> fix entry (load_fixes) for this record.

    Rows are listed case by case, the cases in the order the page first prints their headings, each
    row keeping its code. A row the fixes move to another case counts where the page printed it, and its
    new case comes right after that one: the intake, which offers the first case, then offers the one the
    page opens with (1.004222: own home, not the vehicle case its first two rows were moved to)."""
    out = []
    rank = {}  # case -> its place in the page's order of headings
    n = 0
    for index, item in enumerate((rec.get("dossier") or {}).get("items") or []):
        if item.get("is_note_row"):
            continue
        n += 1
        group = text(item.get("group"))
        name = text(item.get("name"))
        qty = item.get("quantity") or {}
        fix = fixes.get(index)
        if fix is not None:
            name = text(fix["name_full"])
            corrected = fix.get("group_corrected")
            group = text(corrected if corrected is not None else fix.get("group_full"))
            if group == UNTITLED_TABLE:
                group = ""
            qty = fix.get("quantity_corrected") or qty
        row = {
            "code": f"TP{n}",
            "name": name,
            "group": group,
            "originals": int(qty.get("ban_chinh") or 0),
            "copies": int(qty.get("ban_sao") or 0),
            "shown_only": group == "Giấy tờ phải xuất trình",
            "required": not starts_case(name),
        }
        page_case = group
        if fix is not None and fix.get("group_corrected") not in (None, UNTITLED_TABLE):
            page_case = text(fix.get("group_full"))
            rank.setdefault(page_case, index)
            rank.setdefault(group, index + 0.5)
        rank.setdefault(page_case, index)
        out.append(row)
    return sorted(out, key=lambda r: rank[r["group"]])  # stable: a case's rows keep their order


# ---------------------------------------------------------------------------------------------
# Dossier fixes (tthc-components-fixes.json)


def same_text(s):
    """The comparison form the fixes file was checked with: NFC, whitespace runs as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text(s))).strip()


def uncut(s):
    return same_text(s).removesuffix("…").rstrip()


def load_fixes(fixes_doc, records):
    """code -> {dossier.items index -> fix}. Raises ConversionError when a fix names a procedure or
    a row that is not in the research file, or does not fit the row it names: the note-row flag
    must agree, the full name and heading must continue the research's (cut) text, and a corrected
    quantity must be the research's quantity without the name's digits it had absorbed."""
    if not isinstance(fixes_doc, dict) or not isinstance(fixes_doc.get("procedures"), list):
        raise ConversionError("fixes file: expected an object with a \"procedures\" array")
    by_code = {text(r.get("ma_tthc")): r for r in records}
    out = {}
    for p in fixes_doc["procedures"]:
        code = text(p.get("ma_tthc"))
        rec = by_code.get(code)
        if rec is None:
            raise ConversionError(f"fixes: procedure {code!r} is not in the research file")
        if code in out:
            raise ConversionError(f"fixes: procedure {code} is listed twice")
        items = (rec.get("dossier") or {}).get("items") or []
        fixes = out[code] = {}
        for fix in p.get("items") or []:
            index = fix.get("index")
            where = f"fixes: {code} dossier.items[{index}]"
            if not isinstance(index, int) or not 0 <= index < len(items):
                raise ConversionError(f"{where}: no such row (the procedure has {len(items)})")
            if index in fixes:
                raise ConversionError(f"{where}: fixed twice")
            item = items[index]
            if bool(fix.get("is_note_row")) != bool(item.get("is_note_row")):
                raise ConversionError(f"{where}: is_note_row disagrees with the research file")
            full = same_text(fix.get("name_full"))
            if not full or not full.startswith(uncut(item.get("name"))):
                raise ConversionError(f"{where}: name_full {full[:60]!r} does not continue the research's "
                                      f"name {text(item.get('name'))[:60]!r}")
            if fix.get("group_full") is None:
                if text(item.get("group")):
                    raise ConversionError(f"{where}: group_full is null but the research has a group")
            elif not same_text(fix["group_full"]).startswith(uncut(item.get("group"))):
                raise ConversionError(f"{where}: group_full does not continue the research's group")
            if "quantity_corrected" in fix:
                check_quantity_fix(fix, item, where)
            fixes[index] = fix
    return out


def check_quantity_fix(fix, item, where):
    """The old parser read "…Mẫu số 18" + "1 bản chính" as "181 bản chính": the research's raw
    quantity must be the corrected one with the digits the full name ends in put in front, and the
    corrected numbers must be the ones the corrected raw text prints."""
    raw, corrected = text(item.get("quantity_raw")), text(fix.get("quantity_raw_corrected"))
    absorbed = raw.removesuffix(corrected) if corrected and raw.endswith(corrected) else ""
    printed = QUANTITY_RE.fullmatch(corrected)
    q = fix.get("quantity_corrected") or {}
    if (not absorbed.isdigit() or not same_text(fix["name_full"]).endswith(absorbed) or not printed
            or q != {"ban_chinh": int(printed.group(1)), "ban_sao": int(printed.group(2) or 0)}):
        raise ConversionError(f"{where}: quantity correction {corrected!r} {q} does not fit the research's "
                              f"{raw!r} and the name's end")


def check_nothing_cut(procedures):
    """No component name or group may still end in "…" or "..." (a cut the fixes did not cover)."""
    for p in procedures:
        for c in p["components"]:
            for key in ("name", "group"):
                if c[key].endswith(CUT_MARKS):
                    raise ConversionError(f"{p['code']} {c['code']}: {key} is cut: {c[key][-60:]!r}")


def convert_subject(applicants, code):
    a = text(applicants)
    if not a:
        return ""
    person = any(k in a for k in ("Công dân", "Người Việt Nam", "Người nước ngoài", "Cán bộ"))
    org = any(k in a for k in ("Tổ chức", "Doanh nghiệp", "Hợp tác xã"))
    if person and org:
        return "both"
    if person:
        return "citizen"
    if org:
        return "organization"
    raise ConversionError(f"{code}: unknown applicant wording {a!r}")


def convert_sources(rec):
    out = []
    for s in rec.get("sources") or []:
        where = []
        if s.get("url"):
            where.append(s["url"])
        if s.get("repo"):
            loc = s["repo"]
            if s.get("commit"):
                loc += "@" + s["commit"][:12]
            if s.get("path"):
                loc += " " + s["path"]
            where.append(loc)
        out.append(f"{s.get('id', '?')}: " + " ".join(where))
    return out


def convert_record(rec, fixes, report):
    code = text(rec.get("ma_tthc"))
    name = text(rec.get("name"))
    if not code or not name:
        report.append(f"skipped a record without code or name: {code!r} {name!r}")
        return None
    if not CODE_RE.match(code):
        raise ConversionError(f"{code}: code is not d.dddddd")
    level = LEVELS.get(text((rec.get("level") or {}).get("value")))
    if level is None:
        raise ConversionError(f"{code}: unknown level {rec.get('level')!r}")
    agency = text((rec.get("implementing_agency") or {}).get("value"))
    if len(agency) > MAX_AGENCY_CHARS:
        report.append(f"{code}: agency dropped ({len(agency)} characters of crawled procedure text)")
        agency = ""
    online = rec.get("online_service") or {}
    online_level = None
    if online.get("online_level") is not None:
        online_level = ONLINE_LEVELS.get(text(online["online_level"]))
        if online_level is None:
            raise ConversionError(f"{code}: unknown online level {online['online_level']!r}")
    postal = True if (online.get("postal_return") is True or online.get("postal_submission_listed") is True) else None
    fees, fees_as_published = convert_fees(rec, report)
    legal = rec.get("legal_basis") or {}
    return {
        "code": code,
        "name": name,
        "group": text(rec.get("catalog_group")),
        "field_code": text((rec.get("field") or {}).get("code")),
        "field_name": text((rec.get("field") or {}).get("name")),
        "level": level,
        "agency": agency,
        "subject": convert_subject(rec.get("applicants"), code),
        "processing": convert_processing(rec),
        "fees": fees,
        "fees_as_published": fees_as_published,
        "components": convert_components(rec, fixes.get(code, {})),
        "results": [{"name": text(v), "code": "", "paper_required": False}
                    for v in (rec.get("result_documents") or {}).get("values") or [] if text(v)],
        "online_level": online_level,
        "postal_allowed": postal,
        "legal_basis": [text(d.get("number")) for d in legal.get("documents") or [] if text(d.get("number"))],
        "announced_on": None,
        "announcing_decision": text(legal.get("publishing_decision")),
        "sources": convert_sources(rec),
    }


def catalog_sources(records):
    by_id = {}
    for rec in records:
        for s in rec.get("sources") or []:
            by_id.setdefault(s.get("id", "?"), []).append((rec.get("ma_tthc"), s))
    out = []
    for sid, pairs in by_id.items():
        entries = [s for _, s in pairs]
        first = entries[0]
        title = text(first.get("document")) or text(first.get("kind")) or SOURCE_TITLES.get(sid, "")
        repos = sorted({f"{e['repo']}@{e['commit'][:12]}" for e in entries if e.get("repo") and e.get("commit")})
        paths = sorted({e["path"] for e in entries if e.get("path")})
        if len(paths) == 1:
            where = paths[0]
        elif first.get("path_pattern"):
            where = first["path_pattern"]
        else:
            where = os.path.commonpath(paths) + "/" if paths else ""
        location = "; ".join(f"{r} {where}".strip() for r in repos)
        dates = sorted({text(e.get("date_shown")) for e in entries if text(e.get("date_shown"))})
        out.append({"id": sid, "title": title, "location": location, "date": "; ".join(dates),
                    "procedures": len({c for c, _ in pairs})})
    return out


def convert(records, research_name, research_sha256, fixes_doc, fixes_name, fixes_sha256):
    report = []
    fixes = load_fixes(fixes_doc, records)
    procedures = []
    seen = set()
    for rec in records:
        p = convert_record(rec, fixes, report)
        if p is None:
            continue
        if p["code"] in seen:
            raise ConversionError(f"{p['code']}: duplicate code in the research file")
        seen.add(p["code"])
        procedures.append(p)
    check_nothing_cut(procedures)
    report.extend(fix_summary(records, fixes))
    n_fixes = sum(len(f) for f in fixes.values())
    about = {
        "title": "motcua sample procedure catalog (thủ tục hành chính), converted from public research",
        "scope": "NOT specific to Tuyên Quang: values come from the national portal (DVCQG) and from other "
                 "provinces' decisions (Vĩnh Long, Đồng Nai, Cao Bằng, Nghệ An, Ninh Bình, Hải Phòng), dated "
                 "2025-07 to 2026-10. Fees and durations set by a province's HĐND or UBND must be replaced "
                 "by the target province's own decisions before use.",
        "generated_by": "tools/catalog/convert_research.py (rules in assets/catalog/README.md)",
        "generated_from": f"{research_name} ({len(records)} records, sha256 {research_sha256}) with "
                          f"{fixes_name} ({n_fixes} dossier rows of {len(fixes)} procedures, sha256 {fixes_sha256})",
        "sources": catalog_sources(records),
    }
    return nfc({"format": "motcua-catalog", "version": 1, "about": about, "procedures": procedures}), report


def fix_summary(records, fixes):
    """Report lines: how many component rows (note rows are not components) the fixes changed."""
    names = groups = moved = untitled = quantities = 0
    for rec in records:
        items = (rec.get("dossier") or {}).get("items") or []
        for index, fix in fixes.get(text(rec.get("ma_tthc")), {}).items():
            if items[index].get("is_note_row"):
                continue
            names += same_text(fix["name_full"]) != same_text(items[index].get("name"))
            groups += bool(fix.get("group_was_truncated"))
            moved += fix.get("group_corrected") not in (None, UNTITLED_TABLE)
            untitled += fix.get("group_corrected") == UNTITLED_TABLE
            quantities += "quantity_corrected" in fix
    return [f"fixes: {names} component names completed, {groups} cut case headings completed, "
            f"{untitled} rows of the untitled table made common to every case, {moved} rows moved "
            f"to another case, {quantities} quantities corrected"]


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("research", nargs="?", default=DEFAULT_RESEARCH, help="research JSON file")
    ap.add_argument("--fixes", help=f"dossier fixes JSON (default: {FIXES_FILE_NAME} beside the research file)")
    ap.add_argument("-o", "--output", default=DEFAULT_OUTPUT, help="catalog JSON to write")
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print the conversion report")
    args = ap.parse_args(argv)
    with open(args.research, "rb") as f:
        raw = f.read()
    records = json.loads(raw.decode("utf-8"))
    if not isinstance(records, list):
        raise ConversionError("research file: expected a JSON array of procedures")
    fixes_path = args.fixes or os.path.join(os.path.dirname(os.path.abspath(args.research)), FIXES_FILE_NAME)
    try:
        with open(fixes_path, "rb") as f:
            fixes_raw = f.read()
    except OSError as e:
        raise ConversionError(f"fixes file {fixes_path}: {e.strerror} (name another with --fixes)")
    catalog, report = convert(records, os.path.basename(args.research), hashlib.sha256(raw).hexdigest(),
                              json.loads(fixes_raw.decode("utf-8")), os.path.basename(fixes_path),
                              hashlib.sha256(fixes_raw).hexdigest())
    out = json.dumps(catalog, ensure_ascii=False, indent=2) + "\n"
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(out)
    if not args.quiet:
        for line in report:
            print("note:", line, file=sys.stderr)
        procs = catalog["procedures"]
        print(f"wrote {args.output}: {len(procs)} procedures, "
              f"{sum(1 for p in procs if p['processing']['standard'] or p['processing']['online'])} with a duration, "
              f"{sum(1 for p in procs if p['fees'])} with fees, "
              f"{sum(len(p['components']) for p in procs)} components", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except ConversionError as e:
        print(f"convert_research: {e}", file=sys.stderr)
        sys.exit(2)
