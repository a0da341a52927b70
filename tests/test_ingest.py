"""Tests for graph.ingest: finding files, bad input, cleaning with offsets, metadata."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from graph import lang
from graph.errors import DocumentError
from graph.ingest import find_files, read_document, read_documents
from graph.ingest.boilerplate import is_boilerplate
from graph.ingest.clean import clean_text
from graph.ingest.metadata import byline, dateline, looks_like_headline, parse_date, text_metadata
from graph.model import DateBasis, Document, Precision

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
ARTICLE = "Russia will begin its spring conscription next week, the Defense Ministry said.\n"
EMPTY = "empty file; add the article text, or leave the file out"
SUPPORTED = ".txt, .md, .markdown, .html, .htm"
READABLE = f"{SUPPORTED}, .jsonl, .ndjson, .csv"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def error_for(path: Path) -> str:
    with pytest.raises(DocumentError) as info:
        read_document(path)
    return str(info.value)


def check_segments(document: Document, original: str) -> None:
    assert document.segments, "no text was copied from the original"
    previous_end = 0
    for s in document.segments:
        assert s.length > 0
        assert s.clean >= previous_end, "segments overlap or are out of order"
        previous_end = s.clean + s.length
        copied = original[s.original : s.original + s.length]
        assert document.text[s.clean : s.clean + s.length] == copied


# --------------------------------------------------------------------------- bad input


def test_empty_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.txt", b"")
    assert error_for(path) == f"{path.as_posix()}: {EMPTY}"


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.md", " \n\t\r\n  \n")
    assert error_for(path) == f"{path.as_posix()}: {EMPTY}"


def test_file_with_nul_bytes_is_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert error_for(path) == (
        f"{path.as_posix()}: binary file, not text; give a {SUPPORTED} file with the article text"
    )


def test_file_of_control_bytes_is_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "data.txt", bytes(range(1, 32)) * 20 + b"some text")
    assert "binary file, not text" in error_for(path)


def test_undecodable_bytes_name_the_byte_and_offset(tmp_path: Path) -> None:
    path = write(tmp_path / "cp1252.txt", b"Putin\x92s decree was signed.")
    problem = "not UTF-8 (byte 0x92 at offset 5); re-save as UTF-8"
    assert error_for(path) == f"{path.as_posix()}: {problem}"


def test_undecodable_offset_counts_the_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfAb\xe9c")
    assert "not UTF-8 (byte 0xe9 at offset 5)" in error_for(path)


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode())
    document = read_document(path)
    assert document.text == ARTICLE.strip()
    assert document.segments[0].original == 0


def test_missing_path_is_reported(tmp_path: Path) -> None:
    missing = (tmp_path / "nope.txt").as_posix()
    files, errors = find_files([missing])
    assert files == []
    problem = "no such file or folder; check the path and try again"
    assert [str(e) for e in errors] == [f"{missing}: {problem}"]


def test_folder_without_articles_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "report.pdf", b"%PDF-1.4")
    folder = (tmp_path / "docs").as_posix()
    files, errors = find_files([folder])
    assert files == []
    assert [str(e) for e in errors] == [
        f"{folder}: no {READABLE} files in this folder; "
        "point to a folder that holds articles, or name the files"
    ]


def test_pattern_without_matches_is_reported(tmp_path: Path) -> None:
    pattern = (tmp_path / "*.md").as_posix()
    files, errors = find_files([pattern])
    assert files == []
    assert [str(e) for e in errors] == [
        f"{pattern}: no {READABLE} files match this pattern; "
        "check the pattern (quote it so the shell does not expand it)"
    ]


def test_unsupported_suffix_named_explicitly_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "article.pdf", b"%PDF-1.4")
    files, errors = find_files([path.as_posix()])
    assert files == []
    assert [str(e) for e in errors] == [
        f"{path.as_posix()}: unsupported file type '.pdf'; "
        f"give a {READABLE} file (convert other formats to text first)"
    ]
    assert error_for(path) == str(errors[0])


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", ARTICLE)
    path.chmod(0)
    try:
        fix = "make the file readable (chmod +r) or leave it out"
        assert error_for(path) == f"{path.as_posix()}: permission denied; {fix}"
    finally:
        path.chmod(0o644)


def test_read_errors_become_document_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "locked.txt", ARTICLE)

    def refuse(self: Path, *_: object, **__: object) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    fix = "make the file readable (chmod +r) or leave it out"
    assert error_for(path) == f"{path.as_posix()}: permission denied; {fix}"
    documents, errors = read_documents([path.as_posix()])
    assert (documents, [e.problem for e in errors]) == ([], ["permission denied"])


def test_folders_are_folders_whatever_their_suffix(tmp_path: Path) -> None:
    write(tmp_path / "data.v2" / "a.txt", ARTICLE)
    write(tmp_path / "odd.txt" / "b.md", ARTICLE)
    files, errors = find_files(
        [(tmp_path / "data.v2").as_posix(), (tmp_path / "odd.txt").as_posix()]
    )
    assert errors == []
    assert [f.name for f in files] == ["a.txt", "b.md"]


def test_empty_path_is_reported() -> None:
    files, errors = find_files([""])
    assert files == []
    assert [str(e) for e in errors] == ["'': empty path; give a file or folder name"]


def test_file_of_only_boilerplate_has_no_article_text(tmp_path: Path) -> None:
    path = write(tmp_path / "furniture.txt", "top of page\n\nLeave a Reply\n\nbottom of page\n")
    assert error_for(path) == (
        f"{path.as_posix()}: no article text found (only markup or page boilerplate); "
        "check that the file holds the article body"
    )


def test_good_files_still_load_next_to_bad_ones(tmp_path: Path) -> None:
    good = write(tmp_path / "a_good.txt", ARTICLE)
    write(tmp_path / "b_empty.txt", b"")
    write(tmp_path / "c_binary.txt", b"\x00\x01\x02")
    write(tmp_path / "d_latin1.txt", b"caf\xe9")
    missing = (tmp_path / "missing.md").as_posix()
    documents, errors = read_documents([tmp_path.as_posix(), missing])
    assert [d.source.path for d in documents] == [good.as_posix()]
    problems = sorted(e.problem for e in errors)
    assert problems == [
        "binary file, not text",
        "empty file",
        "no such file or folder",
        "not UTF-8 (byte 0xe9 at offset 3)",
    ]


# --------------------------------------------------------------------------- finding files


def test_folders_are_searched_recursively_and_sorted(tmp_path: Path) -> None:
    write(tmp_path / "b.md", ARTICLE)
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "sub" / "deeper" / "c.HTML", "<p>x</p>")
    write(tmp_path / "sub" / "notes.pdf", b"%PDF")
    write(tmp_path / ".hidden" / "d.txt", ARTICLE)
    write(tmp_path / ".e.txt", ARTICLE)
    write(tmp_path / "sub" / "feed.jsonl", "{}")
    write(tmp_path / "feed2.JSONL", "{}")
    write(tmp_path / "sub" / "photo.PNG", b"\x89PNG")
    files, errors = find_files([tmp_path.as_posix()])
    assert [str(e) for e in errors] == [  # other files are named, never skipped in silence
        f"{tmp_path.as_posix()}: other files not read (1 .pdf, 1 .png); only {READABLE} files"
        " are read as articles; convert the others to text to load them"
    ]
    found = [f.relative_to(tmp_path).as_posix() for f in files]
    assert found == ["a.txt", "b.md", "feed2.JSONL", "sub/deeper/c.HTML", "sub/feed.jsonl"]


def test_glob_patterns_expand(tmp_path: Path) -> None:
    write(tmp_path / "x" / "one.txt", ARTICLE)
    write(tmp_path / "x" / "two.md", ARTICLE)
    write(tmp_path / "x" / "y" / "three.htm", "<p>x</p>")
    write(tmp_path / "x" / "skip.pdf", "a,b")
    flat, _ = find_files([(tmp_path / "x" / "*").as_posix()])
    deep, _ = find_files([(tmp_path / "**" / "*.htm").as_posix()])
    assert [f.name for f in flat] == ["one.txt", "two.md", "three.htm"]
    assert [f.name for f in deep] == ["three.htm"]


def test_duplicates_are_removed_by_resolved_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    files, errors = find_files(["a.txt", "./a.txt", ".", "*.txt", str(tmp_path / "a.txt")])
    assert errors == []
    assert files == [Path("a.txt")]


def test_source_path_stays_as_given_and_id_comes_from_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "one" / "a.txt", ARTICLE)
    write(tmp_path / "two" / "b.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    first = read_document(Path("one/a.txt"))
    second = read_document(Path("two/b.txt"))
    digest = hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert first.source.path == "one/a.txt"
    assert first.source.content_hash == digest
    assert first.source.id == second.source.id
    assert first.source.id.startswith("src_")
    assert first.source.format == "text"
    assert first.source.words == 12


def test_format_follows_the_suffix(tmp_path: Path) -> None:
    text = read_document(write(tmp_path / "a.txt", "Some **bold** [text](u).\n"))
    markdown = read_document(write(tmp_path / "a.markdown", "Some **bold** [text](u).\n"))
    assert (text.source.format, markdown.source.format) == ("text", "markdown")
    assert text.text == markdown.text == "Some bold text."


# --------------------------------------------------------------------------- cleaning and offsets


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_segments_map_back_to_the_original_seed(path: Path) -> None:
    document = read_document(path)
    check_segments(document, path.read_text(encoding="utf-8"))


def test_there_are_five_seeds() -> None:
    assert len(SEED_FILES) == 5


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_seed_word_maps_to_the_same_word_in_the_file(path: Path) -> None:
    document = read_document(path)
    original = path.read_text(encoding="utf-8")
    for word in ("Putin", "Russia", "conscript"):
        at = document.text.find(word)
        if at >= 0:
            start, end = document.to_original(at, at + len(word))
            assert original[start:end] == word


def test_markdown_links_emphasis_and_images_are_stripped() -> None:
    original = (
        "# The *Big* Headline\n"
        "Officials [announced](https://example.org/a_(b)) the **new** draft, "
        "_said_ a ***source***.\n"
        "![A soldier](https://img.example/x.jpg)\n"
        "More at <https://example.org/more> and [ref text][1] ~~old~~ `code`.\n"
        "<!-- a comment\nover two lines -->\n"
        "> Quoted line with snake_case_name and 2 * 3 * 4.\n"
        "- A bullet item\n"
        "\n[1]: https://example.org/ref\n"
    )
    cleaned = clean_text(original)
    assert cleaned.text == (
        "The Big Headline\n\n"
        "Officials announced the new draft, said a source.\n\n"
        "More at and ref text old code.\n\n"
        "Quoted line with snake_case_name and 2 * 3 * 4.\n"
        "A bullet item"
    )
    for s in cleaned.segments:
        copied = original[s.original : s.original + s.length]
        assert cleaned.text[s.clean : s.clean + s.length] == copied


def test_headings_stand_alone_as_paragraphs() -> None:
    cleaned = clean_text("## Fresh Concerns Over the Draft\nRussia says it recruited 400,000.\n")
    assert cleaned.text == "Fresh Concerns Over the Draft\n\nRussia says it recruited 400,000."
    cleaned = clean_text("Anything But More Mobilization\n===\nBody text here.\n")
    assert cleaned.text == "Anything But More Mobilization\n\nBody text here."


def test_headline_like_plain_line_is_separated_from_the_next_line() -> None:
    cleaned = clean_text("Putin Expands Military Conscription\nThe draft began on Monday.\n")
    assert cleaned.text == "Putin Expands Military Conscription\n\nThe draft began on Monday."


def test_windows_line_endings_keep_offsets_exact() -> None:
    original = "Putin Signs Draft Decree\r\n\r\nThe draft began on Monday.\r\nIt runs to July.\r\n"
    cleaned = clean_text(original)
    assert (
        cleaned.text == "Putin Signs Draft Decree\n\nThe draft began on Monday.\nIt runs to July."
    )
    for s in cleaned.segments:
        copied = original[s.original : s.original + s.length]
        assert cleaned.text[s.clean : s.clean + s.length] == copied


def test_copyright_sentence_in_prose_is_kept() -> None:
    original = "Copyright law was changed in 2022.\n\n© 2024 Example Media\n"
    assert clean_text(original).text == "Copyright law was changed in 2022."


def test_wrapped_prose_lines_stay_in_one_paragraph() -> None:
    cleaned = clean_text("The draft began on Monday and\nwill run until July.\n")
    assert cleaned.text == "The draft began on Monday and\nwill run until July."


def test_repeated_headline_is_kept_once() -> None:
    cleaned = clean_text("**Putin Signs Draft Decree**\n\n**Putin Signs Draft Decree**\nBody.\n")
    assert cleaned.text == "Putin Signs Draft Decree\n\nBody."


def test_page_boilerplate_lines_are_dropped() -> None:
    original = "\n\n".join(
        [
            "top of page",
            "Share this article",
            "The draft began on Monday.",
            "Advertisement",
            "**Related article:** [Will There Be Another Round?](#)",
            "Read more: officials deny new wave",
            "It runs until July.",
            "*The views expressed in opinion pieces do not necessarily reflect the position of X.*",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "Required fields are marked *",
            "bottom of page",
        ]
    )
    assert clean_text(original).text == "The draft began on Monday.\n\nIt runs until July."


def test_photo_credits_are_dropped() -> None:
    original = "\n\n".join(
        [
            "The draft began on Monday.",
            "Photo: JANE ROE/AFP via Getty Images",
            "Soldiers Picture by John Doe on Wikimedia",
            "Credit: Jane Roe",
            "Image courtesy of the ministry",
            "A recruitment point in a city. **Jane Roe / City News Agency**",
            "**John Doe / Press Service**",
            "Soldiers march (Photo by Jane Roe/Reuters) in the square.",
            "The photo by the reporter went viral on Monday.",
        ]
    )
    assert clean_text(original).text == (
        "The draft began on Monday.\n\n"
        "A recruitment point in a city.\n\n"
        "Soldiers march in the square.\n\n"
        "The photo by the reporter went viral on Monday."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Back to top of the page",  # furniture_lines
        "Leave a comment Cancel reply",
        "Your email address will not be published, ever, under any circumstances at all, no",
        "More coverage:",  # related_labels + related_nouns
        "Filed under: Russia, conscription",  # index_labels
        "The views and opinions expressed are the author's and do not necessarily reflect ours",
        "Copyright 2024 Example Media",  # copyright_words
        "All rights reserved.",  # rights_reserved
        "Share this article on Facebook:",  # button_patterns
        "E-mail this story",
        "Sponsored content",  # advert_lines
        "Click here to read the full report",  # short_openings
        "Sign up for our newsletter",
        "12 comments",  # comment_words
        "Photos credit: Jane Roe",  # picture_words + credit_words
        "Video: ministry footage",  # media_words
        "Image source: the ministry",  # credit_labels
        "Soldiers at the border, via Reuters",  # credit_endings
        "A street in Moscow on Wikimedia Commons",
        "Getty Images",  # credit_names
        "Recruits Photographs courtesy of the ministry",  # picture_words + credit_links
    ],
)
def test_boilerplate_line_of_each_kind(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Read more about how the draft works in the explainer we published on Monday night",
        "The photo by the reporter went viral on Monday.",
        "Reuters reported the draft on Monday.",
        "Share prices fell.",
    ],
)
def test_prose_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_metadata_lines_leave_the_text() -> None:
    original = (
        " date 2024-03-29 Russia will begin conscription next week.\n\n"
        "By Jane Roe and John Doe\n\nApril 06, 2023\n\n"
        "Quotes stay “curly” and dashes – stay.\n\n"
        "Original url:\n\n<https://www.example.com/2023/04/06/a>\n\n"
        "Source: https://example.com/b\n"
    )
    cleaned = clean_text(original)
    assert cleaned.text == (
        "Russia will begin conscription next week.\n\nQuotes stay “curly” and dashes – stay."
    )
    assert cleaned.segments[0].original == original.index("Russia")


# --------------------------------------------------------------------------- metadata


def test_title_from_markdown_heading() -> None:
    assert text_metadata("Intro line.\n\n# The Real Title\n\nBody.").title == "The Real Title"
    assert text_metadata("\n\n## Level Two Title\n\nBody.").title == "Level Two Title"
    text = "Putin Signs Draft Decree\n\nThe decree was signed.\n\n## A Later Subheading"
    assert text_metadata(text).title == "Putin Signs Draft Decree"


def test_title_from_bold_headline_skips_bold_sentences() -> None:
    text = "**Putin has started a big draft, officials said.**\n**Putin Expands the Draft**\nBody."
    assert text_metadata(text).title == "Putin Expands the Draft"


def test_title_from_first_headline_like_line() -> None:
    title = "New Drive for Mobilisation in Russia; 400 000+ to be Drafted"
    assert text_metadata(f"top of page\n\n{title}\n\nBody text.").title == title
    title = "Russia Calls Up 160,000 Men"
    assert text_metadata(f"World\n\n{title}\n\nBody.").title == title


def test_no_title_when_the_document_starts_with_prose() -> None:
    assert text_metadata("Russia will begin conscription.\n\nFresh Concerns\n").title is None
    assert text_metadata("date 2024-03-29 Russia will begin conscription.\n").title is None
    assert text_metadata("Officials say the draft begins soon\n\nMore text.").title is None


def test_looks_like_headline() -> None:
    assert looks_like_headline("Putin’s Latest Conscription Drive: 160,000 Men Called Up")
    assert not looks_like_headline("Military service lasts 12 months.")
    assert not looks_like_headline("Fresh concerns")
    assert not looks_like_headline("Headline")


def test_published_from_leading_date_token() -> None:
    published = text_metadata(" date 2024-03-29 Russia will begin conscription.").published
    assert published is not None
    day = dt.date(2024, 3, 29)
    assert (published.value, published.start, published.end) == ("2024-03-29", day, day)
    assert (published.precision, published.basis) == (Precision.DAY, DateBasis.STATED)
    assert published.text == "2024-03-29"


def test_published_from_dateline_near_the_top() -> None:
    published = text_metadata("# Title Here\n\nBy Jane Roe\n\nApril 06, 2023\n\nBody.").published
    assert published is not None
    assert (published.value, published.text) == ("2023-04-06", "April 06, 2023")
    labelled = text_metadata("Published: 6 April 2023 10:30 GMT\n\nBody.").published
    assert labelled is not None and labelled.value == "2023-04-06"
    assert text_metadata("Updated: April 7, 2023\n\nBody.").published is None


def test_published_from_the_url_path() -> None:
    published = text_metadata(
        "Body.\n\nOriginal url: https://example.com/2023/4/06/story\n"
    ).published
    assert published is not None
    assert (published.value, published.text) == ("2023-04-06", "2023/4/06")


def test_no_published_date_when_none_is_stated() -> None:
    text = "Russia began its spring draft on April 1, 2024, officials said."
    assert text_metadata(text).published is None


def test_parse_date_forms() -> None:
    forms = ["2023-04-06", "2023/04/06", "April 06, 2023", "Apr. 6 2023", "6 April 2023"]
    for written in [*forms, "Thursday, April 6th, 2023", "2023-04-06T08:00:00Z"]:
        value = parse_date(written)
        assert value is not None, written
        assert value.value == "2023-04-06" and value.text == written
    assert parse_date("February 30, 2023") is None
    assert parse_date("April 2023") is None
    assert parse_date("next week") is None


def test_url_from_labelled_lines() -> None:
    assert (
        text_metadata("Body.\n\nOriginal url:\n\n<https://a.example/x>\n").url
        == "https://a.example/x"
    )
    assert (
        text_metadata("Body.\n\n**Source:** <https://b.example/y>\n").url == "https://b.example/y"
    )
    assert text_metadata("Body.\n\nURL: https://c.example/z\n").url == "https://c.example/z"
    assert text_metadata("Body.\n\nSource: the ministry\n").url is None


def test_authors_from_bylines() -> None:
    assert byline("By Jane Roe and John Doe") == ("Jane Roe", "John Doe")
    assert byline("By Jane Roe, John Doe and Ann Lee") == ("Jane Roe", "John Doe", "Ann Lee")
    assert byline("Author: Jane Roe") == ("Jane Roe",)
    assert byline("By voting for Putin, you voted for mobilization") is None
    assert byline("By the end of the year") is None
    text = "# Title Words Here\n\nBy [Jane Roe](#) and [John Doe](#)\n\nBody."
    assert text_metadata(text).authors == ("Jane Roe", "John Doe")
    assert text_metadata("Body.\n\nMore body.\n\nAuthor: Ann Lee\n").authors == ("Ann Lee",)


def test_bylines_with_name_particles_and_openings() -> None:
    assert byline("Written by Jan van Dijk and Ahmed bin Salem") == (
        "Jan van Dijk",
        "Ahmed bin Salem",
    )
    assert byline("Words by: Ana de la Cruz, Jane Roe, and Ann Lee") == (
        "Ana de la Cruz",
        "Jane Roe",
        "Ann Lee",
    )
    assert byline("By Jane Roe & John Doe; Ann Lee") == ("Jane Roe", "John Doe", "Ann Lee")
    assert byline("Writers: Jane Roe and John Doe", labelled_only=True) == ("Jane Roe", "John Doe")
    assert byline("By Jan van Dijk of the ministry") is None  # "of" is no name particle


def test_dateline_labels_weekdays_and_clock_times() -> None:
    found = dateline("First published on: Thursday, April 6, 2023 at 10:30 a.m. EST")
    assert found is not None and found[0] == "first published"
    assert found[1].value == "2023-04-06"
    updated = dateline("Last updated: Fri. April 7, 2023")
    assert updated is not None and updated[0] == "last updated"
    text = "# A Title Here\n\nUpdated: April 7, 2023\n\nPosted: April 6, 2023\n\nBody."
    published = text_metadata(text).published
    assert published is not None and published.value == "2023-04-06"  # not the update
    assert parse_date("Tues 6 April 2023") is not None
    assert parse_date("Someday, April 6, 2023") is None


def test_ingest_reads_its_words_from_the_default_lexicon() -> None:
    page = lang.get().page
    for line in (*page.furniture_lines, *page.advert_lines, *page.credit_names):
        assert is_boilerplate(line.title()), line
    assert is_boilerplate("Reuters")
    no_agencies = dataclasses.replace(lang.get(), page=dataclasses.replace(page, credit_names=()))
    assert not is_boilerplate("Reuters", lexicon=no_agencies)


def test_ingest_follows_the_lexicon_it_is_given(tmp_path: Path) -> None:
    page = lang.get().page
    other = dataclasses.replace(
        lang.get(),
        page=dataclasses.replace(
            page,
            byline_openings=("von",),
            name_conjunctions=("und",),
            advert_lines=("anzeige",),
            name_particles=frozenset({"zu"}),
        ),
    )
    assert byline("Von Anna zu Berg und Jan Weber", lexicon=other) == ("Anna zu Berg", "Jan Weber")
    assert byline("Von Anna zu Berg und Jan Weber") is None
    assert is_boilerplate("Anzeige", lexicon=other)
    assert not is_boilerplate("Anzeige")
    path = write(tmp_path / "a.md", "# Ein Titel Hier\n\nVon Anna Berg\n\nAnzeige\n\n" + ARTICLE)
    document = read_document(path, lexicon=other)
    assert document.source.authors == ("Anna Berg",)
    assert "Anzeige" not in document.text
    documents, errors = read_documents([str(path)], lexicon=other)
    assert errors == [] and documents[0].source.authors == ("Anna Berg",)
    assert read_document(path).source.authors == ()
    assert read_document(path) == read_document(path, lexicon=lang.get())


def test_publisher_from_text_then_url() -> None:
    disclaimer = "*The views expressed do not necessarily reflect the views of The Daily Example.*"
    url = "Original url: https://www.dailyexample.com/2023/04/06/a"
    assert text_metadata(f"Body.\n\n{disclaimer}\n\n{url}\n").publisher == "The Daily Example"
    copyright_line = "© 2024 Example Media. All rights reserved."
    assert text_metadata(f"Body.\n\n{copyright_line}\n").publisher == "Example Media"
    assert text_metadata(f"Body.\n\n{url}\n").publisher == "dailyexample.com"
    assert text_metadata("Body only.").publisher is None


def test_seed_metadata() -> None:
    sources = {p.name[:3]: read_document(p).source for p in SEED_FILES}
    s000, s001, s002, s003, s004 = (sources[k] for k in ("000", "001", "002", "003", "004"))
    assert s000.title is None
    assert s000.published is not None and s000.published.value == "2024-03-29"
    assert (s000.url, s000.authors) == (None, ())
    assert s001.title == "New Drive for Mobilisation in Russia; 400 000+ to be Drafted"
    assert s001.published is None
    assert s002.title in (
        "Anything But More Mobilization: Russia's Stealthy Push to Find More Soldiers",
        "Anything But More Mobilization: Russia’s Stealthy Push to Find More Soldiers",
    )
    assert s002.published is not None and s002.published.value == "2023-04-06"
    assert s002.url == (
        "https://www.themoscowtimes.com/2023/04/06/"
        "anything-but-more-mobilization-russias-stealthy-push-to-find-more-soldiers-a80732"
    )
    assert s002.authors == ("Farida Rustamova", "Maxim Tovkaylo")
    assert s002.publisher == "The Moscow Times"
    assert s003.title == "Putin Expands Russian Military Conscription Amid Ongoing Conflict"
    assert s004.title == (
        "Putin’s Latest Conscription Drive: 160,000 Men Called Up to Bolster Russia Army "
        "in Ukraine Conflict"
    )
    for source in sources.values():
        assert source.format == "text"
        assert source.words > 300


def test_seed_text_has_no_furniture() -> None:
    texts = {p.name[:3]: read_document(p).text for p in SEED_FILES}
    joined = "\n".join(texts.values())
    furniture_lines = ["top of page", "bottom of page", "Leave a Reply", "Photo:", "Picture by"]
    markup = ["](", "**", "<http"]
    metadata = ["Original url", "date 2024", "Related article", "views expressed", "By [Farida"]
    for furniture in [*furniture_lines, *markup, *metadata]:
        assert furniture not in joined, furniture
    assert texts["000"].startswith("Russia will begin conscription next week")
    assert texts["002"].startswith("Anything But More Mobilization")


# --------------------------------------------------------------------------- html

PAGE = """<!DOCTYPE html>
<html><head>
<title>Russia Calls Up 160,000 Conscripts | Example News</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2025-04-01T08:00:00Z">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://www.example-news.com/2025/04/01/russia-calls-up">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> Subscribe to our newsletter</nav>
<article>
<h1>Russia Calls Up 160,000 Conscripts</h1>
<p>President Vladimir Putin signed a decree on Monday calling up 160,000 men for military
service, the largest spring draft in more than a decade.</p>
<p>The draft runs from April 1 to July 15, the Defense Ministry said in a statement. Officials
said conscripts would not be sent to fight in Ukraine &amp; the border regions.</p>
<p>Critics said the <a href="/x">call-up</a> showed the army&rsquo;s growing need for men as the
war entered its fourth year.</p>
</article>
<footer>Copyright 2025 Example News. All rights reserved. Contact us at desk@example.com.</footer>
</body></html>
"""


def test_html_article_text_metadata_and_offsets(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", PAGE)
    document = read_document(path)
    source = document.source
    assert source.format == "html"
    assert source.title == "Russia Calls Up 160,000 Conscripts"
    assert source.authors == ("Jane Roe",)
    assert source.published is not None and source.published.value == "2025-04-01"
    assert source.url == "https://www.example-news.com/2025/04/01/russia-calls-up"
    assert source.publisher == "Example News"
    assert "President Vladimir Putin signed a decree" in document.text
    assert "Ukraine & the border regions" in document.text
    for furniture in ("Home", "Subscribe", "Copyright", "All rights reserved", "Contact"):
        assert furniture not in document.text
    check_segments(document, PAGE)
    for word in ("Putin", "Defense Ministry", "call-up", "fourth year"):
        at = document.text.index(word)
        start, end = document.to_original(at, at + len(word))
        assert PAGE[start:end] == word
        assert start > PAGE.index("<article>")


def test_html_without_article_text_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.html", "<html><head><title>x</title></head><body></body></html>")
    assert "no article text found" in error_for(path)


def test_tables_of_dates_and_labels_are_not_prose(tmp_path: Path) -> None:
    text = (
        "# War timeline\n\nThe minister said on Monday that talks went well.\n\n"
        "| Date | Event | Troops |\n|:-----|:-----:|------:|\n"
        "| 2022-02-24 | Invasion of Ukraine | 190,000 |\n| 2022-09-21 | Mobilization | 300,000 |\n"
        "\nDate | Place\n--- | ---\nMay 9 | Moscow\n\nLater text here.\n"
    )
    assert clean_text(text).text == (
        "War timeline\n\nThe minister said on Monday that talks went well.\n\nLater text here."
    )


def test_table_cells_that_are_sentences_stay_with_exact_offsets(tmp_path: Path) -> None:
    text = (
        "Intro sentence of the article here.\n\n"
        "| Date | What happened |\n| --- | --- |\n"
        "| 2022-02-24 | Russian troops crossed the border at dawn. |\n"
        "| 2022-09-21 | Putin announced a partial mobilization. | 300,000 |\n"
        "| a \\| b | Cells may hold an escaped pipe, like this one. |\n"
        "\nA pipe | in prose over a rule\n\n---\n\nis no table.\n"
    )
    cleaned = clean_text(text).text
    assert cleaned == (
        "Intro sentence of the article here.\n\n"
        "Russian troops crossed the border at dawn.\n"
        "Putin announced a partial mobilization.\n"
        "Cells may hold an escaped pipe, like this one.\n\n"
        "A pipe | in prose over a rule\n\nis no table."
    )
    document = read_document(write(tmp_path / "table.md", text))
    for sentence in ("Russian troops crossed", "Putin announced", "Cells may hold"):
        at = document.text.index(sentence)
        span = document.span(at, at + len(sentence))
        assert text[span.start : span.end] == sentence


def test_a_date_in_a_table_cell_dates_no_event(nlp: Any, tmp_path: Path) -> None:
    from graph.extract import extract_document

    text = "| Date | Event |\n|---|---|\n| 24 February 2022 | Russia invades Ukraine |\n"
    path = write(tmp_path / "t.md", text + "\nThe talks went well, the minister said.\n")
    extraction = extract_document(read_document(path))
    assert all(e.date is None for e in extraction.events)
    assert "invade" not in [e.trigger for e in extraction.events]


def test_fenced_code_is_not_prose(tmp_path: Path) -> None:
    text = (
        "# Defence plans\n\nThe minister said on Monday that talks went well.\n\n"
        '```python\n# President Putin: "troops will invade" on 2024-05-01\nx = 1\n```\n\n'
        "~~~~\nquoted ~~~ inside\n~~~~\n\nLater text here.\n\n```\nan unclosed block\n"
    )
    assert clean_text(text).text == (
        "Defence plans\n\nThe minister said on Monday that talks went well.\n\nLater text here."
    )
    document = read_document(write(tmp_path / "code.md", text))
    later = document.text.index("Later")
    span = document.span(later, later + len("Later text"))
    assert text[span.start : span.end] == "Later text"  # offsets still point into the file


def test_documents_already_read_come_back_unread(tmp_path: Path) -> None:
    known, new = tmp_path / "known.md", tmp_path / "new.md"
    known.write_text("# Old\n\nThe council met on Monday.\n", encoding="utf-8")
    new.write_text("# New\n\nThe council voted on Tuesday.\n", encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        '{"text": "The mayor resigned on Friday.", "title": "Resigned"}\n'
        '{"text": "The mayor returned on Sunday.", "title": "Returned"}\n',
        encoding="utf-8",
    )
    first, _ = read_documents([str(tmp_path)])
    seen = {d.source.content_hash for d in first if d.source.path.endswith(("known.md", "#1"))}
    again, errors = read_documents([str(tmp_path)], skip=seen)
    assert errors == []
    assert [d.source.id for d in again] == [d.source.id for d in first]
    for before, after in zip(first, again, strict=True):
        if before.source.content_hash in seen:
            assert (after.text, after.source.title, after.source.words) == ("", None, 0)
            assert after.source.path == before.source.path
        else:
            assert after == before
