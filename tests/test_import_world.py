"""Pasted pages from the world's news: layouts, heads, furniture and credits in many languages.

Every text here is a sample written for these tests (invented places, people and outlets);
none is copied from a real page. Each test names the pattern of issue 10 it checks.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from brief.ingest import read_text
from brief.ingest.furniture import (
    FURNITURE_WORD,
    JUNK_ANYWHERE,
    JUNK_START,
    _may_hold_furniture_word,
    is_caption,
    junk_phrase,
)
from brief.ingest.markdown import read_markdown
from brief.model import SectionKind

BODY = [
    "The regional council voted on Tuesday to close the old river bridge to heavy lorries "
    "after engineers found cracks in two of its supporting piers.",
    "Repairs will start next month.",
    "Drivers of lorries will have to take a detour of about forty kilometres through the hill "
    "villages, which residents say are not built for that traffic.",
    "The mayor declined to comment.",
    "A final decision on replacing the bridge is expected before the end of the year, the "
    "council's transport committee said in a statement.",
]


def _kinds(article, kind=SectionKind.PARAGRAPH):
    return [s.text for s in article.sections if s.kind is kind]


# -- 1. paragraphs separated by single line breaks -------------------------------------------
def test_single_line_breaks_keep_short_paragraphs():
    """Short paragraphs on consecutive lines are body, not head or menu entries."""
    text = "\n".join(
        [
            *("Home", "News", "Sport", "Weather", "Council closes river bridge to lorries"),
            *BODY,
            *("Share", "Related stories", "Flood warning for the valley", "New bus timetable"),
        ]
    )
    article = read_text(text)
    assert article.body() == BODY
    assert article.title == "Council closes river bridge to lorries"


def test_layouts_read_alike():
    """Blank lines, single breaks and Windows line endings give the same body."""
    lines = ["Council closes river bridge to lorries", *BODY]
    spaced = read_text("\n\n".join(lines)).body()
    single = read_text("\n".join(lines)).body()
    windows = read_text("\r\n".join(lines)).body()
    assert spaced == single == windows == BODY


# -- 2. captions without a credit word -------------------------------------------------------
def test_caption_with_positions_is_not_body_or_title():
    text = "\n\n".join(
        [
            "Two ministers meet at the border",
            "Lena Holm (L) and Piet Varga (R)",
            *BODY,
        ]
    )
    article = read_text(text)
    assert article.title == "Two ministers meet at the border"
    assert "Lena Holm (L) and Piet Varga (R)" in _kinds(article, SectionKind.CAPTION)
    assert article.body() == BODY


def test_a_caption_printed_twice_in_a_row_is_a_caption():
    """A slideshow prints a picture's caption twice, as its alt text and under it: a
    sentence repeated on the next line is a caption, not body, in either layout."""
    caption = "The old river bridge seen from the east bank, where the cracked piers stand."
    doubled = f"{caption}\n{caption}\nPhoto: Ilse Varga"
    lines = ["Council closes river bridge to lorries", doubled, *BODY]
    for joined in ("\n".join(lines), "\n\n".join(lines)):
        article = read_text(joined)
        assert article.body() == BODY
        assert caption in _kinds(article, SectionKind.CAPTION)
    inside = "\n\n".join(["Council closes river bridge to lorries", *BODY[:2], doubled, *BODY[2:]])
    article = read_text(inside)
    assert article.body() == BODY
    assert _kinds(article, SectionKind.CAPTION).count(caption) == 1


def test_a_paragraph_said_twice_apart_is_still_body():
    body = [BODY[0], BODY[2], BODY[0]]
    assert read_text("\n\n".join(["Council closes river bridge", *body])).body() == body


def test_caption_before_a_dateline_paragraph_is_a_caption():
    """A dateline opens the first paragraph: a short paragraph before it is a caption."""
    caption = "Lorries queue at the river bridge in the early morning."
    first = "NORDVIK, Examplia — " + BODY[0]
    text = "\n\n".join(["Council closes river bridge to lorries", caption, first, *BODY[1:]])
    article = read_text(text)
    assert article.dateline == "NORDVIK, Examplia"
    assert caption in _kinds(article, SectionKind.CAPTION)
    assert article.body() == BODY


def test_caption_with_a_bracketed_agency_credit_in_arabic():
    caption = "جسر النهر القديم في الصباح الباكر (غيتي)"
    body = [
        "صوت المجلس الإقليمي يوم الثلاثاء على إغلاق جسر النهر القديم أمام الشاحنات الثقيلة بعد "
        "أن وجد المهندسون شقوقا في دعامتين من دعاماته.",
        "وقال سكان القرى المجاورة إن الطرق الجبلية غير مهيأة لهذا العدد الكبير من الشاحنات التي "
        "ستضطر إلى سلوكها خلال الأشهر المقبلة.",
    ]
    article = read_text("\n\n".join(["المجلس يغلق جسر النهر أمام الشاحنات", caption, *body]))
    assert caption in _kinds(article, SectionKind.CAPTION)
    assert article.body() == body


# -- 3. a body sentence with a clock time ----------------------------------------------------
def test_sentence_with_a_clock_time_stays():
    sentence = "The curfew starts at 21:00 in the whole city"
    text = "\n\n".join(["Curfew in the capital", BODY[0], sentence, BODY[2]])
    article = read_text(text)
    assert sentence in article.body()


def test_bare_time_stamp_goes():
    text = "\n\n".join(["Curfew in the capital", "Updated 9:15 am", BODY[0], BODY[2]])
    assert "Updated 9:15 am" not in read_text(text).body()


# -- 4. heads laid out other than the English way --------------------------------------------
def test_other_calendar_date_line_is_not_the_title():
    text = "\n\n".join(["پنجشنبه ۳۰ سرطان ۱۴۰۰", "شورای ولایتی پل قدیمی را بست", *BODY])
    assert read_text(text).title == "شورای ولایتی پل قدیمی را بست"


def test_breadcrumb_ending_in_ellipsis_is_not_the_first_paragraph():
    text = "\n\n".join(
        ["Home › Region › Transport › Council closes…", "Council closes river bridge", *BODY]
    )
    article = read_text(text)
    assert article.title == "Council closes river bridge"
    assert article.body() == BODY


def test_bylines_and_dates_in_other_languages():
    cases = [
        ("Von Anna Berger und Paul Roth", "3. März 2022, 14:05 Uhr", ["Anna Berger", "Paul Roth"]),
        (
            "Par Claire Dubois et Marc Lenoir",
            "14 avril 2022 à 12h31",
            ["Claire Dubois", "Marc Lenoir"],
        ),
        ("Por María López", "jueves, 5 de mayo de 2022", ["María López"]),
        ("Claire Dubois et Marc Lenoir", "Thursday, 01/05/2023", ["Claire Dubois", "Marc Lenoir"]),
    ]
    expected_dates = ["2022-03-03T14:05", "2022-04-14T12:31", "2022-05-05", "2023-01-05"]
    for (byline, stamp, authors), date in zip(cases, expected_dates, strict=True):
        text = "\n\n".join(["Council closes river bridge to lorries", byline, stamp, *BODY])
        article = read_text(text)
        assert article.authors == authors, byline
        assert article.published == date, stamp
        assert article.body() == BODY
        assert article.title == "Council closes river bridge to lorries"


def test_the_heads_strip_of_facts_is_not_body():
    """Place, desk and date between bars, or a date and a reading time: the head's strip,
    wherever the copy puts it."""
    for strip in (
        "Holm, Valley Courier Desk | Updated : 6 October 2025, 09:01 AM",
        "Oct 6, 2025 at 9:24 pm • 2 min read",
    ):
        text = "\n".join(["Council closes river bridge to lorries", *BODY[:2], strip, *BODY[2:]])
        assert read_text(text).body() == BODY, strip


def test_a_byline_below_the_first_paragraph_is_not_body():
    """A fact-check's claim comes first and its byline after it: the byline, set on its own
    line and dated, is the author's, not a paragraph."""
    claim = "“Nine lorries an hour cross the old river bridge,” a councillor said in a debate."
    text = "\n".join(
        [
            "Council closes river bridge to lorries",
            claim,
            "— Tom Lund on Sunday, October 5th, 2025 in a debate of the regional council",
            "How many lorries does the old bridge carry?",
            "By Ilse Varga and Anna Brisk on Monday, October 6th, 2025 at 11:08 a.m.",
            *BODY,
        ]
    )
    article = read_text(text)
    assert "By Ilse Varga" not in " ".join(article.body())
    assert article.body()[-len(BODY) :] == BODY
    assert article.meta.authors[:1] == ["Ilse Varga"]


def test_two_word_byline_gives_the_whole_name():
    text = "\n\n".join(["Council closes river bridge", "By Jane Doe", *BODY])
    assert read_text(text).authors == ["Jane Doe"]


def test_numeric_date_line_reads_day_first_without_a_weekday():
    text = "\n\n".join(["Council closes river bridge", "3-9-2021 | 20:08", *BODY])
    assert read_text(text).published == "2021-09-03T20:08"


def test_dateline_with_a_colon_and_with_an_agency():
    colon = read_text("\n\n".join(["Bridge closed", "NORDVIK: " + BODY[0], *BODY[1:]]))
    assert colon.dateline == "NORDVIK"
    agency = read_text("\n\n".join(["Bridge closed", "NORDVIK (AP) - " + BODY[0], *BODY[1:]]))
    assert agency.dateline == "NORDVIK"
    assert agency.publisher == "AP"
    assert agency.body() == BODY


def test_a_dateline_alone_under_the_standfirst_makes_it_the_standfirst():
    """Title, date, a summary, then the place alone on its line over the body: the summary
    is the standfirst and the place the dateline, though the date already stood above."""
    standfirst = (
        "Lorries will have to take a forty-kilometre detour after engineers found cracks in "
        "two of the old river bridge's piers, the regional council said on Tuesday."
    )
    text = (
        "\n".join(["Council closes river bridge to lorries", "October 6, 2025", standfirst])
        + "\n\n"
        + "\n\n".join(["HOLM, VALLEY", *BODY])
    )
    article = read_text(text)
    assert article.body() == BODY
    assert article.meta.standfirst == standfirst
    assert article.meta.dateline == "HOLM, VALLEY"


def test_dateline_on_a_line_of_its_own():
    text = "\n\n".join(
        ["Council closes river bridge", "Quartier du Port, Nordvik (Examplia)", *BODY]
    )
    article = read_text(text)
    assert article.dateline == "Quartier du Port, Nordvik (Examplia)"
    assert article.title == "Council closes river bridge"


def test_store_date_mark_is_metadata_not_text():
    article = read_text(" date 2021-08-23 " + "\n\n".join(BODY))
    assert article.published == "2021-08-23"
    assert article.body() == BODY


def test_a_headline_ending_in_a_quotation_mark_is_the_title():
    """ "… To Prevent 'Widespread Closures'" ends in a quotation mark, as a sentence may; in
    title case it is the headline, not the first paragraph. A quoted sentence stays prose."""
    headline = "Council Calls For Repairs On River Bridge To Prevent 'Widespread Closures'"
    quoted = "The mayor said the repairs were overdue and called the closure “a lesson for us all.”"
    text = "\n\n".join(["Breaking News", headline, *BODY, quoted])
    article = read_text(text)
    assert article.title == headline
    assert article.body() == [*BODY, quoted]


def test_title_over_its_standfirst():
    text = "\n\n".join(
        [
            "Council closes river bridge",
            "Engineers found cracks in two piers and lorries must take a long detour",
            *BODY,
        ]
    )
    assert read_text(text).title == "Council closes river bridge"


def test_a_name_under_the_first_paragraph_does_not_make_it_a_standfirst():
    """Once the byline and date stood above it, the paragraph is the body's first, and the
    name under it is a picture's subject ("Ilse Varga"), not a byline."""
    text = "\n".join(
        [
            "Council closes river bridge to lorries",
            "6 October 2025",
            BODY[0],
            "",
            "Ilse Varga",
            *BODY[1:],
        ]
    )
    article = read_text(text)
    assert article.body() == BODY
    assert article.meta.published == "2025-10-06"


def test_a_menu_entry_under_the_first_paragraph_is_no_byline():
    """ "Continue Reading Below" reads like three capitalised names; it is furniture."""
    text = "\n\n".join(
        ["Council closes river bridge", BODY[0], "Continue Reading Below", *BODY[1:]]
    )
    assert read_text(text).body() == BODY


def test_a_summary_printed_again_as_the_first_paragraph_is_kept_once():
    summary = BODY[0] + " Residents of the hill villages have asked for a weight limit too."
    text = "\n\n".join(
        [
            "Council closes river bridge",
            "By Ilse Varga | Updated: 6 October 2025 16:10",
            summary,
            "Open in app",
            summary,
            *BODY[1:],
        ]
    )
    assert read_text(text).body() == [summary, *BODY[1:]]


# -- 5. furniture inside the body ------------------------------------------------------------
def test_also_read_lines_in_many_languages_go():
    for label in ("Also read:", "À lire aussi :", "Lesen Sie auch:", "Lee también:", "اقرأ أيضا:"):
        link = f"{label} Flood warning for the valley"
        text = "\n\n".join(["Council closes river bridge", *BODY[:3], link, *BODY[3:]])
        assert read_text(text).body() == BODY, label


def test_comment_and_related_barriers_in_other_languages():
    for barrier in ("Commentaires", "Noticias relacionadas", "التعليقات", "Sonraki Haber"):
        comment = "I think the council is wrong about this and the bridge is perfectly safe."
        text = "\n".join(["Council closes river bridge", *BODY, barrier, comment])
        assert read_text(text).body() == BODY, barrier


# A sample in Japanese written for this test: a note on a kettle's automatic switch.
JAPANESE = [
    "電気ケトルの自動電源オフ機能を切る方法について、今回は実際に試した手順を順番に説明します。"
    "取扱説明書には書かれていない設定なので、同じことで困っている人の参考になれば幸いです。",
    "まず本体の底にある小さなスイッチを確認し、電源コードを抜いた状態で三秒ほど押し続けます。"
    "ランプが二回点滅すれば設定は変わっています。",
    "Valley Kettle Proの設定ボタンについて",
    "設定を元に戻すときも同じ操作をもう一度行えば大丈夫です。作業は一分もかかりませんでした。",
]


def test_a_japanese_subheading_with_latin_words_is_no_byline():
    """ "Valley Kettle 2の…" starts like capitalised names, but a line in a script without
    capitals is no line of names: the paragraphs above it stay body."""
    text = "\n\n".join(["電気ケトルの自動電源オフを切る方法", *JAPANESE])
    article = read_text(text)
    assert article.body() == JAPANESE
    assert not article.meta.authors


def test_related_articles_in_japanese_chinese_and_korean_end_the_article():
    teasers = [
        "電気ケトルの湯あかを簡単に落とす方法を試してみたので、その結果をまとめました",
        "トースターのパンくずトレイを掃除する手順と、掃除の頻度についての覚え書き",
        "卓上ランプの電球を交換したら明るさが大きく変わったので比較写真を撮りました",
    ]
    for barrier in ("関連記事", "相关文章", "관련 기사"):
        text = "\n\n".join(["電気ケトルの自動電源オフを切る方法", *JAPANESE]) + "\n\n"
        text += "\n".join([barrier, *teasers])
        assert read_text(text).body() == JAPANESE, barrier


def test_a_comments_heading_under_the_last_paragraph_ends_the_article():
    """ "Comments" right under the last paragraph opens the comments, however long the
    pitches and comments under it; in a row of buttons above the article it is a button."""
    pitch = (
        "If you enjoyed this article, we have a proposition for you: join our members and get "
        "every story, the newsletters and the podcasts, with fewer advertisements, for a small "
        "fee each month, and support the reporting that you read here every day."
    )
    for joined in ("\n".join, "\n\n".join):
        text = joined(
            [
                "Council closes river bridge to lorries",
                *("Share", "Comments", "Print"),
                *BODY,
                "Comments",
                "Something to consider",
                pitch,
                pitch.replace("proposition", "suggestion"),
            ]
        )
        assert read_text(text).body() == BODY


def test_the_authors_box_under_the_last_paragraph_ends_the_article():
    """ "About Ilse Varga", "Über …", "Sobre …" over a long biography: the author's box, not
    the article's last section, in any of these languages."""
    bio = (
        "Ilse Varga has covered the valley's roads and bridges for twelve years, first for the "
        "weekly paper in Holm and then for the Courier, where she edits the regional pages and "
        "writes a column about the history of the old river crossings and the ferries that "
        "served them before the first bridge was built."
    )
    for heading in ("About Ilse Varga", "Über Ilse Varga", "Sobre Ilse Varga"):
        text = "\n\n".join(["Council closes river bridge to lorries", *BODY, heading, bio])
        assert read_text(text).body() == BODY, heading


def test_a_subheading_starting_like_an_authors_box_elsewhere_does_not_end_the_article():
    """ "Over Christmas" (Dutch "Over" opens an author's box) is an English subheading."""
    body = [*BODY, "Over Christmas", BODY[2].replace("Drivers", "Bus drivers")]
    text = "\n\n".join(["Council closes river bridge to lorries", *body])
    assert read_text(text).body() == body


def test_long_comments_after_the_article_are_not_the_article():
    """Readers' comments outweigh a short article; their section's head still ends it."""
    long_comment = (
        "I drive that road every week and I have to say the detour through the hill villages "
        "is going to be a disaster for everyone who lives there, because the lanes are narrow, "
        "the school buses already struggle and nobody asked the people who live along it what "
        "they think about lorries passing their front doors at six in the morning. "
    ) * 3
    for heads in (
        [
            "12 responses to “Council closes river bridge”",
            "riverwatcher says:",
            "3 May 2024 at 9:12",
        ],
        ["Comments", "Anna K on 3 May 2024 at 9:12 said:"],
        ["2 commentaires", "Jean a écrit :", "3 mai 2024"],
    ):
        text = "\n\n".join(["Council closes river bridge", *BODY, *heads, long_comment])
        assert read_text(text).body() == BODY, heads[0]


def test_a_paragraph_ending_in_said_is_not_a_comment_head():
    body = [*BODY[:2], "The mayor said:", "“We will rebuild it, whatever it costs.”", *BODY[2:]]
    text = "\n\n".join(["Council closes river bridge", *body])
    assert "“We will rebuild it, whatever it costs.”" in read_text(text).body()


def test_contact_box_goes_however_long():
    box = (
        "Our reader service can be reached with any questions about deliveries or accounts: "
        "Telephone: +99 12 345 6789 (Monday to Friday, 8:00 to 17:00), Fax: +99 12 345 6790, "
        "E-mail: readers@example.org. Outside those hours please leave a message and the "
        "service will call you back on the next working day, or write to the address below "
        "and we will answer within a week of receiving your letter."
    )
    text = "\n\n".join(["Council closes river bridge", *BODY, box])
    assert read_text(text).body() == BODY


def test_teasers_after_the_article_are_not_the_article():
    """Other stories' headlines, each over a summary, outweigh a short article together."""
    teasers = []
    for n, place in enumerate(["Holm", "Varga", "Lund", "Brask"]):
        teasers += [
            f"Ferry service to {place} resumes after storm",
            f"The ferry to {place} sailed again on Monday morning after three days in port, "
            f"its operator said, and extra crossings are planned for the weekend number {n}.",
        ]
    text = "\n".join(["Council closes river bridge", *BODY, "Back to the front page", *teasers])
    assert read_text(text).body() == BODY


def test_a_feed_of_dated_stories_after_the_article_is_not_the_article():
    """Other stories, each a headline, its author, a date line and a summary: the dates
    coming back every few lines mark a feed, however long its summaries."""
    feed = ["Valley Courier"]
    for n, place in enumerate(["Holm", "Varga", "Lund", "Brask", "Tarn"]):
        feed += [
            f"Ferry service to {place} resumes after the storm",
            "Anna Brisk",
            f"Tuesday October {7 + n}, 2025",
            f"The ferry to {place} sailed again on Monday morning after three days in port, its "
            "operator said, and extra crossings are planned for the weekend and the week after.",
        ]
    text = "\n\n".join(["Council closes river bridge", *BODY]) + "\n\n" + "\n".join(feed)
    assert read_text(text).body() == BODY


def test_a_feed_of_entries_set_alike_after_the_article_is_not_the_article():
    """Kicker, headline and source run together over a one-sentence summary, entry after
    entry: a feed of other stories, though its summaries are set apart like paragraphs."""
    feed = []
    for n, place in enumerate(["Holm", "Varga", "Lund", "Brask", "Tarn"]):
        feed += [
            f"FERRIES\nWill Service to {place} Resume After The Storm?\n{n + 1} shares valley.example",
            f"The ferry to {place} sailed again on Monday morning after three days in port, "
            "its operator said, adding that extra crossings are planned for the weekend and "
            "for the whole of the week after.",
        ]
    text = "\n\n".join(["Council closes river bridge to lorries", *BODY, *feed])
    assert read_text(text).body() == BODY
    single = "\n".join(["Council closes river bridge to lorries", *BODY, *feed])
    assert read_text(single).body() == BODY  # the headline's "?" ends no paragraph


def test_a_roundup_with_a_paragraph_under_each_item_is_kept():
    """Name, price and shop over a paragraph of its own: the article's items, not a feed."""
    body = []
    for n, thing in enumerate(["kettle", "toaster", "lamp", "radio", "clock"]):
        body += [
            f"Valley {thing.title()} {n + 2}\nThe {thing} for ${20 + n}\nSee it now: Valley Shop",
            f"The {thing} is the one we would buy: {BODY[0].lower()} {BODY[2].lower()}",
        ]
    article = read_text("\n\n".join(["The five best gifts from the valley", *body]))
    assert [p for p in article.body() if p.startswith("The ") and p.endswith(".")] == [
        text for text in body if not text.startswith("Valley")
    ]


def test_an_article_printed_after_a_feed_of_dated_stories_is_kept_whole():
    """A feed whose entries are short lines (section, headline, date) ends at its last
    entry: the long paragraphs after it are set unlike anything in the feed."""
    feed = ["More stories like this one"]
    for n, place in enumerate(["Holm", "Varga", "Lund", "Brask"]):
        feed += ["REGIONAL NEWS", f"Ferry service to {place} resumes", f"October {7 + n}, 2025"]
    text = "\n".join(["Council closes river bridge to lorries", *feed, *BODY])
    assert read_text(text).body() == BODY


def test_a_live_blog_with_a_date_over_each_entry_keeps_its_paragraphs():
    entries = []
    for n in range(4):
        entries += [f"6 October 2025, 1{n}:00", BODY[n % len(BODY)] + f" (update {n})", BODY[0]]
    article = read_text("\n".join(["Bridge closure: live updates", *entries]))
    assert [p for p in article.body() if "(update" in p] == [
        BODY[n % len(BODY)] + f" (update {n})" for n in range(4)
    ]


def test_an_article_with_a_subheading_over_each_paragraph_keeps_them():
    body = []
    for n, part in enumerate(["1. Check the bridge", "2. Plan the detour", "3. Tell the villages"]):
        body += [part, f"{BODY[n]} The engineers' report covers this step in detail."]
    article = read_text("\n\n".join(["Five steps the council takes", *body]))
    assert article.body() == body


def test_embedded_social_post_is_one_quote():
    """The post's text over its signature is one quote; the picture link stays in it."""
    post = "The river bridge is closed from today, detours are signed pic.example.org/Ab12Cd"
    signature = "— Holm Roads (@holmroads) May 3, 2024"
    for lines in (
        [post, signature],
        ["View this post on Instagram", post, "A post shared by Holm Roads (@holmroads) on May 3"],
    ):
        embed = "\n".join(lines)
        text = "\n\n".join(["Council closes river bridge", *BODY[:2], embed, *BODY[2:]])
        article = read_text(text)
        quotes = _kinds(article, SectionKind.QUOTE)
        assert quotes == [f"{post} {lines[-1]}"], lines
        assert article.body() == [*BODY[:2], quotes[0], *BODY[2:]]


def test_a_report_on_investors_subscribing_for_shares_is_body():
    """ "Subscribing" in a report on a share offer is the story, not a subscription box."""
    offer = (
        "Small savers in the valley have welcomed the bridge bonds, subscribing for so many "
        "that each will get a tenth of what they asked for, the council's bank said."
    )
    body = [*BODY[:3], offer, *BODY[3:]]
    assert read_text("\n\n".join(["Council sells bonds for the new bridge", *body])).body() == body


def test_subscription_box_in_other_languages_goes():
    box = [
        "Um diesen Artikel vollständig lesen zu können, benötigen Sie ein Abo.",
        "Je m’abonne",
        "¿Tienes una suscripción de empresa? Accede aquí para contratar más cuentas.",
    ]
    text = "\n\n".join(["Council closes river bridge", *BODY, *box])
    assert read_text(text).body() == BODY


def test_bulleted_links_go():
    text = "\n\n".join(
        ["Council closes river bridge", "• Live: flood warning for the valley", *BODY]
    )
    assert read_text(text).body() == BODY


# -- 6. outlets and authors named in ways the rules did not know ------------------------------
def test_outlet_in_the_byline_place_in_persian_script():
    body = [
        "منابع محلی می گویند که شورای ولایتی پل قدیمی دریا را به روی موترهای باری سنگین بست.",
        "یک منبع به روزنامه صبح نوردویک گفت که کار ترمیم پل از ماه آینده آغاز می شود.",
    ]
    text = "\n\n".join(["شورای ولایتی پل قدیمی را بست", "صبح نوردویک", *body])
    article = read_text(text)
    assert article.authors == ["صبح نوردویک"]
    assert article.publisher == "صبح نوردویک"
    assert article.meta.author_kinds == {"صبح نوردویک": "organisation"}
    assert article.body() == body


def test_signature_labels_name_author_and_source():
    text = "\n".join(
        [
            "Council closes river bridge",
            *BODY,
            "- Author : Nordvik Press Agency",
            "- Source : Nordvik Press Agency",
        ]
    )
    article = read_text(text)
    assert article.authors == ["Nordvik Press Agency"]
    assert article.publisher == "Nordvik Press Agency"
    assert article.body() == BODY


def test_contributors_notes_closing_the_report_are_not_body():
    for note in (
        "(Reporting by Ilse Varga; additional reporting by Tom Lund; Editing by Anna Brisk)",
        "Tom Lund contributed reporting from Holm.",
        "( With inputs from Valley Press Agency )",
        "Mit Material von vpa",
    ):
        text = "\n\n".join(["Council closes river bridge to lorries", *BODY, note])
        article = read_text(text)
        assert article.body() == BODY, note
        assert note.strip() in article.removed, note


def test_closing_credit_line_names_the_outlet():
    text = "\n\n".join(
        ["Council closes river bridge", *BODY, "Examplia Herald.", "Noticias relacionadas"]
    )
    assert read_text(text).publisher == "Examplia Herald"


def test_an_outlet_named_in_a_reporting_verb_keeps_its_whole_name():
    """ "told Valley Farm Radio Network": the outlet, all of its name ("Network" included)."""
    text = "\n\n".join(
        [
            "Grain prices fall for a third week",
            "Wheat prices fell again this week, millers told Valley Farm Radio Network, as the "
            "harvest in the hill villages came in larger than the cooperatives had expected.",
            *BODY,
        ]
    )
    assert read_text(text).meta.publisher == "Valley Farm Radio Network"


def test_agency_byline_is_the_publisher_and_an_outlet_cited_is_not():
    text = "\n\n".join(
        [
            "Council closes river bridge",
            "By ANI | Updated: December 22, 2021 16:10 IST",
            *BODY,
            "The mayor later told Valley News that he regretted the decision.",
        ]
    )
    article = read_text(text)
    assert article.authors == ["ANI"]
    assert article.publisher == "ANI"
    assert article.published == "2021-12-22T16:10"


def test_capital_subheading_is_not_a_byline():
    text = "\n\n".join(["Council closes river bridge", *BODY[:2], "REPAIRS NEXT MONTH", *BODY[2:]])
    article = read_text(text)
    assert article.authors == []
    assert "REPAIRS NEXT MONTH" in _kinds(article, SectionKind.HEADING)


def test_markdown_front_matter_publisher_and_escapes():
    text = (
        '---\ntitle: "The \\"bridge\\" question"\nauthor: Jane Doe\npublisher: Examplia Herald\n'
        "date: 2022-05-05\n---\n\n" + "\n\n".join(BODY)
    )
    article = read_markdown(text)
    assert article.title == 'The "bridge" question'
    assert article.publisher == "Examplia Herald"
    assert article.authors == ["Jane Doe"]


def test_list_under_its_introduction_gives_list_items():
    """A browser copies <li> as short lines without bullets, with no blank line between."""
    items = ["the river bridge at Holm", "the rail bridge at Varga", "the ferry ramp at Lund"]
    body = [*BODY[:3], "The council will inspect three more crossings this year:"]
    text = "\n\n".join(["Council closes river bridge", *body, "\n".join(items), *BODY[3:]])
    article = read_text(text)
    assert _kinds(article, SectionKind.LIST_ITEM) == items
    assert article.body() == [*body, *items, *BODY[3:]]


def test_numbered_list_closing_the_article_is_kept():
    """Numbered items, each with its link, after the last paragraph that introduces them."""
    items = []
    for n, thing in enumerate(["Folding bicycle", "Rain cape", "Bridge model kit"], 1):
        items += [f"{n}) {thing}", f"https://shop.example.org/item{n}"]
    body = [*BODY, "Here is what readers bought most often this week:"]
    text = "\n\n".join(["Council closes river bridge", *body, "\n".join(items), "Share", "Tweet"])
    article = read_text(text)
    assert _kinds(article, SectionKind.LIST_ITEM) == items
    assert article.body()[-len(items) - 1 :] == [body[-1], *items]


def test_list_under_its_own_heading_is_kept_and_a_menu_is_not():
    """A heading set apart over items of several words is a list; over entries of a word or
    two it is a menu."""
    dates = [
        "June 9 – Holm, at the Old Quay Theatre",
        "June 12 – Varga, at the River Hall",
        "June 15 – Lund, at the Market Square stage",
    ]
    menu = ["News", "Sport", "Weather", "Local radio"]
    text = "\n\n".join(
        [
            "Council closes river bridge",
            *BODY,
            "The band's summer dates",
            "\n".join(dates),
            "Sections",
            "\n".join(menu),
        ]
    )
    article = read_text(text)
    assert _kinds(article, SectionKind.LIST_ITEM) == dates
    assert article.body() == [*BODY, "The band's summer dates", *dates]


def test_a_list_under_its_heading_is_kept_without_blank_lines_and_headlines_are_not():
    """On single line breaks nothing sets the heading apart: items set alike (each "date –
    place @ hall", one closing in brackets) make the list; a run of other stories'
    headlines under a short line does not."""
    dates = [
        "June 9 – Holm @ the Old Quay Theatre",
        "June 12 – Varga @ the River Hall (formerly the Corn Exchange)",
        "June 15 – Lund @ the Market Square stage",
        "June 18 – Brask @ the Harbour Pavilion",
        "June 21 – Tarn @ the Castle Gardens",
    ]
    headlines = [
        "Ferry service to Holm resumes after the storm",
        "New bus timetable starts in the hill villages",
        "Flood warning lifted for the lower valley",
        "Market square to close for repairs in spring",
    ]
    text = "\n".join(["Council closes river bridge", *BODY, "The band's summer dates", *dates])
    assert read_text(text).body() == [*BODY, "The band's summer dates", *dates]
    text = "\n".join(["Council closes river bridge", *BODY, "Latest from the valley", *headlines])
    assert read_text(text).body() == BODY


def test_a_list_in_the_middle_does_not_cut_the_article_in_two():
    """Eight short items weigh like a menu; under the line that introduces them they are the
    article's own and the paragraphs after them stay."""
    items = [f"• the crossing at kilometre {n}" for n in range(1, 9)]
    text = "\n\n".join(
        [
            "Council closes river bridge",
            BODY[0],
            "\n".join(["Engineers will also inspect:", *items]),
            *BODY[1:],
        ]
    )
    article = read_text(text)
    shown = [item.removeprefix("• ") for item in items]  # the view draws its own bullets
    assert article.body() == [BODY[0], "Engineers will also inspect:", *shown, *BODY[1:]]
    assert _kinds(article, SectionKind.LIST_ITEM) == shown


def test_bulleted_items_under_an_introduction_are_not_links_to_drop():
    items = ["• lorries over 7.5 tonnes", "• buses on school runs", "• farm vehicles"]
    body = [*BODY[:2], "The ban covers:", *items, *BODY[2:]]
    article = read_text("\n\n".join(["Council closes river bridge", *body]))
    shown = [item.removeprefix("• ") for item in items]  # the view draws its own bullets
    assert _kinds(article, SectionKind.LIST_ITEM) == shown
    assert article.body() == [*BODY[:2], "The ban covers:", *shown, *BODY[2:]]


def test_paragraph_that_is_one_quotation_is_a_quote():
    quoted = "“We will rebuild it, whatever it costs, and we will do it before the winter.”"
    said = "“We will rebuild it,” the mayor said. “It will not cost the villages a penny.”"
    for mark in (quoted, "«Nous reconstruirons le pont avant l’hiver, quoi qu’il en coûte.»"):
        body = [*BODY[:2], "The mayor said:", mark, said, *BODY[2:]]
        article = read_text("\n\n".join(["Council closes river bridge", *body]))
        assert _kinds(article, SectionKind.QUOTE) == [mark]
        assert said in _kinds(article)
        assert article.body() == body
    speech = [
        BODY[0],
        "“We will rebuild it,” the mayor said. “Whatever it costs.",
        quoted,
        *BODY[1:],
    ]
    article = read_text("\n\n".join(["Council closes river bridge", *speech]))
    assert not _kinds(article, SectionKind.QUOTE)  # reported speech running on, not a quote
    assert article.body() == speech


# -- 7. organisations as authors -------------------------------------------------------------
def test_agencies_and_bodies_are_organisations():
    for name in ("Reuters", "Ministry of Transport", "Nordvik Press Agency", "آریاپرس"):
        text = "\n\n".join(["Council closes river bridge", f"By {name}", *BODY])
        article = read_text(text)
        assert article.authors == [name]
        assert article.meta.author_kinds[name] == "organisation", name
    person = read_text("\n\n".join(["Council closes river bridge", "By Jane Doe", *BODY]))
    assert person.authors == ["Jane Doe"]
    assert person.meta.author_kinds.get("Jane Doe", "person") == "person"


# -- the furniture rules' shortcut -----------------------------------------------------------
JUNK_SAMPLES = [
    "This site uses cookies",
    "Read our cookie policy",
    "Subscribe to our channel",
    "By subscribing you agree",
    "Sign up for alerts",
    "Get our free newsletter",
    "Join our mailing list",
    "Delivered in your inbox",
    "All rights reserved",
    "© 2024 Examplia Herald",
    "(c) 2024 Examplia Herald",
    "Copyright 2024 Examplia Herald",
    "a registered trademark of Examplia",
    "Privacy Policy",
    "Privacy notice",
    "Terms of Use",
    "Terms and Conditions",
    "Click here to see more",
    "This site uses Akismet to reduce spam",
    "Placeholder while article actions load",
    "Something went wrong",
    "Thank you for reading",
    "Download our app",
    "Please enable JavaScript",
    "JavaScript is disabled",
    "Your browser is out of date",
    "Open in app",
    "Auto-published from a syndicated feed",
]


@given(
    st.sampled_from(JUNK_SAMPLES),
    st.lists(st.sampled_from(["the", "bridge", "Council", "river,", "42", "«", "и"]), max_size=6),
    st.lists(st.booleans(), max_size=60),
)
def test_phrase_shortcut_never_hides_a_phrase(phrase, words, upper):
    """junk_phrase looks for its phrases only in lines holding one of their words: in any
    case and anywhere in a line, a phrase must still be found."""
    cased = "".join(ch.upper() if flip else ch for ch, flip in zip(phrase, upper, strict=False))
    cased += phrase[len(upper) :]
    line = " ".join([*words, cased, *words])
    assert JUNK_ANYWHERE.search(line) or JUNK_START.match(line)
    assert junk_phrase(line)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.from_regex(FURNITURE_WORD) | st.text())
@example("GİRİŞ YAP")  # Turkish capitals: "İ" lowers to "i" and a combining dot
@example("gırış yap")  # the pattern reads a dotless "ı" as "i"
@example("ſubscribe")
@example("Bitte melden Sie sich mit Ihrem PASSWORT an")
@example("Déjà abonné ? Se connecter")
@example("للاشتراك في النشرة")
def test_furniture_words_are_looked_for_wherever_the_pattern_finds_them(line):
    """The furniture words are searched for only in lines whose words start like one of
    them: every line the pattern would find one in must pass that first look."""
    if FURNITURE_WORD.search(line):
        assert _may_hold_furniture_word(line)


@given(st.text(alphabet="abc .,;()/", max_size=400))
def test_a_credit_closing_a_line_of_any_length_makes_it_a_caption(prefix):
    """An agency's credit is looked for in the line's last characters only; it is found
    after any text, and only as a word of its own."""
    assert is_caption(f"{prefix} Getty Images")
    assert is_caption(f"{prefix} ( Sample Agency / Lena Sample )")
    assert not is_caption(f"{prefix}xafp")


# Sample text written for this test: a page copied whole, whose lists of other stories came
# out one line each, the link's headline run into its summary.
GLUED_TEASERS = """Local News

Harbour Ferry Adds A Late Boat For Festival WeekThe harbour office will run an extra crossing each night of the festival, leaving at midnight.
Council Approves New Cycle Lanes On River RoadWork on the two-mile route starts in spring and should take about four months, officials said.
Bakery Wins Regional Prize For Rye Loaf250,000The small bakery on Mill Street beat entries from across the region with its dark rye.

Sample: the market hall reopens after the flood

The covered market hall on Quay Street reopened on Saturday, five months after the river burst its banks and filled the ground floor with mud.

Traders said the MacBook Pro and the iPhone repair stall were among the first back, and that most of the forty stalls should be open by the end of the month.

The city paid for new wiring and raised the floor by thirty centimetres, the market's manager said, so that the next flood would stop at the doors.

More Stories
Rail Strike Called Off After Late-Night TalksUnions and the operator agreed on a pay deal shortly before midnight, ending weeks of uncertainty.
Museum Opens Its Stores To Visitors For One WeekendCurators will lead small groups through rooms that are usually closed to the public.
Sample headline of a teaser with a dateline says the harbour will close for repairs DOVER: Repairs to the harbour wall begin next month and will last a year.
"""


def test_headlines_run_into_their_summaries_are_not_body():
    article = read_text(GLUED_TEASERS)
    body = " ".join(article.body())
    assert "market hall on Quay Street reopened" in body
    assert "the MacBook Pro and the iPhone repair stall" in body  # camel case in a sentence
    for teaser in ("Late Boat", "Cycle Lanes", "Rye Loaf", "Rail Strike", "Museum Opens"):
        assert teaser not in body, teaser


def test_one_camel_cased_headline_alone_is_not_a_teaser_list():
    text = (
        "Sample: a laptop review\n\n"
        "The New MacBook Pro Arrives With A Better KeyboardThe laptop keeps its price and its "
        "size, and the reviewers found the keys quieter than before.\n\n"
        "A second paragraph of the review says the battery lasted eleven hours in the test.\n"
    )
    assert any("The New MacBook Pro Arrives" in p for p in read_text(text).body())


def test_a_slideshow_caption_with_its_more_and_less_switch_is_not_body():
    # Sample text written for this test: a slideshow in the middle of the article, each
    # caption copied twice, cut short with "… more" and whole with "less".
    caption = (
        "Workers remove the last barrier on the old bridge over the river on Monday, May 4, "
        "2026, after two years of repairs that closed it to traffic"
    )
    text = (
        "Sample: the bridge reopens\n\n"
        "The old bridge over the river reopened to traffic on Monday after two years of "
        "repairs that cost the city more than it had planned, the mayor told reporters at "
        "the opening, where a band played and the first bus crossed at noon.\n\n"
        "Engineers replaced the deck, the railings and two of the piers, which the floods "
        "of 2024 had undermined, and repainted the whole structure in its original green "
        "for the first time since it was built.\n\n"
        f"{caption}. The repairs cost twelve million. less\n"
        f"{caption} ... more\n\n"
        "Drivers said the detour had added half an hour to every trip, and shop owners on "
        "the far bank hoped their customers would come back now.\n\n"
        "The council said the bridge would be inspected every year from now on, and that "
        "lorries over twenty tonnes would still have to take the ring road.\n"
    )
    body = " ".join(read_text(text).body())
    assert "reopened to traffic on Monday" in body and "shop owners" in body
    assert "inspected every year" in body
    assert "Workers remove the last barrier" not in body
    # A sentence that merely ends in "more" or "less" stays.
    kept = read_text(
        "Sample: prices\n\nThe council said residents would pay for water by the litre, and "
        "that those who used the most would pay more.\n\nA second paragraph of the sample "
        "explains that the change starts next year and applies to every household.\n"
    )
    assert any(p.endswith("would pay more.") for p in kept.body())


def test_the_articles_own_list_of_sources_is_not_body():
    # Sample text written for this test.
    text = (
        "Sample: what the harbour dredging cost\n\n"
        "The harbour authority spent twice what it had budgeted on dredging the channel, "
        "according to accounts published on Friday.\n\n"
        "Officials said silt from the spring floods had doubled the work, and that the "
        "channel is now deep enough for the grain barges again.\n\n"
        "The board will ask the city for a loan to cover the gap, the chairman told the "
        "council, and plans to raise the fees that barge owners pay for each crossing.\n\n"
        "Barge owners said higher fees would push some of them to send grain by road "
        "instead, which the port had spent ten years trying to avoid.\n\n"
        "The next dredging is planned for the autumn, when the water is low and the work "
        "takes half the time it took this spring.\n\n"
        "Sources:\n\n"
        'Harbour Authority of the River Port, "Annual accounts and report of the board for the '
        'year 2025, with the dredging programme," accessed May 2, 2026\n\n'
        'River Gazette, "Dredging costs rise again after the spring floods filled the channel '
        'with silt from the upper valley," April 30, 2026\n\n'
        "Email interview with the harbour master about the cost of the dredging and the "
        "schedule of the work in the channel, April 29, 2026\n"
    )
    body = " ".join(read_text(text).body())
    assert "spent twice what it had budgeted" in body and "grain barges again" in body
    assert "Annual accounts" not in body and "Email interview" not in body


def test_a_list_of_links_with_their_counts_is_not_body():
    # Sample text written for this test, copied with single line breaks.
    text = (
        "Sample: the ferry strike ends\n"
        "The ferry crews returned to work on Tuesday after the union and the operator "
        "agreed on a new rota, ending a strike that had lasted nine days.\n"
        "Commuters crowded the first boat of the morning, and the operator said every "
        "crossing would run to the timetable by the weekend.\n"
        "Most commented\n"
        "Harbour fees to rise again next year (185)\n"
        "Why the night bus was cancelled (148)\n"
        "Readers' letters: the new bridge (145)\n"
        "Council votes on parking charges (142)\n"
    )
    body = " ".join(read_text(text).body())
    assert "crews returned to work" in body and "run to the timetable" in body
    assert "(185)" not in body and "night bus" not in body
