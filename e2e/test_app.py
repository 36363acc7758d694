"""End-to-end tests of the real Backpack app (Tauri 2 + WebKitGTK) through tauri-driver.

Run by e2e/run.sh (which starts Xvfb and tauri-driver on a throw-away wallet). Each test is a
plain function; the runner prints one line per test and the closing line "N passed, N failed".
Screenshots of each screen go to e2e-output/ (not committed).

With --bench it instead measures: 10,000 distinct signed baked badges dropped on the window ->
all in the gallery, and the longest gap between two painted frames meanwhile (issue 10); then,
with that 10,000-badge wallet, start-up from process launch to the first painted gallery (five
fresh launches) and search keystroke -> results in the DOM -> next painted frame; and prints
the figures.
"""

import argparse
import json
import os
import subprocess
import sys
import time
import traceback

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.support.ui import WebDriverWait
from selenium.common.exceptions import StaleElementReferenceException

ARGS = None
D = None  # the webdriver session


def session():
    opts = ArgOptions()
    opts.set_capability("browserName", "wry")
    opts.set_capability("tauri:options", {"application": ARGS.app})
    d = webdriver.Remote(command_executor=ARGS.driver, options=opts)
    d.set_window_size(1280, 860)
    return d


def wait(cond, timeout=15, msg=""):
    # The gallery is virtualised: a card read while it repaints is replaced, so retry.
    return WebDriverWait(D, timeout, poll_frequency=0.05, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda d: cond(), message=msg)


def click_first_card():
    """Click the first card, again if the gallery repainted between finding and clicking it."""
    def attempt():
        cards()[0].click()
        return True
    wait(attempt, msg="first card clicked")


def css(sel):
    return D.find_element(By.CSS_SELECTOR, sel)


def csss(sel):
    return D.find_elements(By.CSS_SELECTOR, sel)


def shot(name):
    D.save_screenshot(os.path.join(ARGS.out, f"{name}.png"))


def nav(view):
    css(f'.nav-item[data-view="{view}"]').click()
    wait(lambda: css(f"#view-{view}").is_displayed(), msg=f"view {view} shown")


def invoke(cmd, args=None):
    """Call a backend command from the page (the same IPC the UI uses)."""
    r = D.execute_async_script(
        "const cb = arguments[arguments.length - 1];"
        "window.__TAURI__.core.invoke(arguments[0], arguments[1]).then(v => cb({ok: v}), e => cb({err: e}));",
        cmd, args or {})
    if "err" in r:
        raise AssertionError(f"{cmd} failed: {r['err']}")
    return r["ok"]


def answer_dialogs(paths):
    """What the app's next dialogs answer (the test-only BACKPACK_E2E_DIALOG hook, see
    src-tauri/src/files.rs): these paths; an empty list is a cancelled dialog."""
    with open(os.environ["BACKPACK_E2E_DIALOG"], "w") as f:
        f.write("".join(f"{p}\n" for p in paths))


def drop(paths):
    """A drag-and-drop of files/folders onto the window. WebDriver cannot make a native drop, so
    the test-only `e2e-drop` event stands in for Tauri's window DragDrop event: the app takes
    the paths from the dialog answer file, keeps them and hands the page a handle, exactly as
    for a real drop (the page never sees or sends the paths)."""
    answer_dialogs(paths)
    D.execute_async_script(
        "const cb = arguments[arguments.length - 1];"
        "window.__TAURI__.event.emit('e2e-drop', {}).then(() => cb(1), e => cb(String(e)));")


def chosen(path, kind="received"):
    """A handle to `path`, as the open dialog gives it (answered by the test)."""
    answer_dialogs([path])
    return invoke("pick_files", {"kind": kind})


def export_to(cid, fmt, path, privacy):
    """Export collection `cid` as `fmt`; the save dialog answers `path`."""
    answer_dialogs([path])
    return invoke("export_collection", {"id": cid, "format": fmt, "privacy": privacy, "save": True})


def cards():
    return csss("#gallery .card")


def card_names():
    # textContent: WebKitWebDriver reports '' as .text for line-clamped (-webkit-box) elements
    return [c.find_element(By.CSS_SELECTOR, ".card-name").get_attribute("textContent") for c in cards()]


def search(text):
    """Empty the search box (firing input), then type `text` key by key."""
    D.execute_script("const s = document.getElementById('search'); s.value = ''; s.dispatchEvent(new Event('input'));")
    if text:
        css("#search").send_keys(text)


def fixture(*p):
    return os.path.join(ARGS.fixtures, *p)


XSS_NAME = '<script>window.__pwned = "name"; document.title = "pwned"</script>Evil badge'
XSS_DESC = '<img src=x onerror="window.__pwned=\'desc\'; document.title=\'pwned\'"> Totally normal description'
XSS_CRITERIA = '[Click me](javascript:window.__pwned="criteria") <a href="javascript:window.__pwned=\'a\'">link</a>'


def xss_badge():
    return json.dumps({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:6a1b4c7e-0000-4000-8000-00000000e2e1",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://evil.example/issuer", "type": ["Profile"],
                   "name": '<img src=x onerror="window.__pwned=\'issuer\'">Evil Issuer',
                   "url": "javascript:window.__pwned='url'"},
        "validFrom": "2026-01-01T00:00:00Z",
        "name": XSS_NAME,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://evil.example/achievements/1", "type": ["Achievement"],
                "name": XSS_NAME, "description": XSS_DESC,
                "criteria": {"narrative": XSS_CRITERIA, "id": "javascript:window.__pwned='crit-url'"},
                "image": {"id": "https://tracker.example/pixel.png", "type": "Image"},
            },
        },
    })


# ───────────────────────────── tests (run in this order, one app session) ─────────────────────────────

def test_first_run_greets_an_empty_wallet():
    wait(lambda: D.execute_script("return document.body.dataset.ready") == "1", msg="app booted")
    # "Skip" is remembered in the webview's localStorage, which outlives the throw-away wallet:
    # start as a new user of this computer.
    if D.execute_script("const had = localStorage.length > 0; localStorage.clear(); return had"):
        D.refresh()
        wait(lambda: D.execute_script("return document.body.dataset.ready") == "1", msg="app rebooted")
    # An empty wallet opens on the three first steps, not on an empty gallery.
    wait(lambda: css("#view-welcome").is_displayed(), msg="first-run steps shown")
    assert not css("#view-wallet").is_displayed()
    steps = [h.text for h in csss("#view-welcome .step h2")]
    assert steps == ["1 Add your email addresses", "2 Bring in your badges", "3 What stays on this computer"], steps
    assert css("#welcome-samples").text == "Try the samples"
    shot("00-first-run")
    # Adding an email here is the same identity Settings lists.
    css("#welcome-email").send_keys("first@example.org")
    css("#welcome-email").submit()
    wait(lambda: "first@example.org" in css("#welcome-emails").text, msg="email listed")
    assert "first@example.org" in invoke("get_profile")["emails"]
    # Skipping is remembered: a reload of the still-empty wallet shows the gallery.
    css("#skip-welcome").click()
    wait(lambda: css("#view-wallet").is_displayed(), msg="skipped to the gallery")
    D.refresh()
    wait(lambda: D.execute_script("return document.body.dataset.ready") == "1", msg="app rebooted")
    assert not css("#view-welcome").is_displayed(), "the welcome came back after skipping it"
    invoke("remove_identity", {"value": "first@example.org"})


def test_starts_with_empty_state():
    wait(lambda: D.execute_script("return document.body.dataset.ready") == "1", msg="app booted")
    assert D.title == "Backpack", D.title
    wait(lambda: css("#wallet-empty").is_displayed(), msg="empty state")
    assert "Your backpack is empty" in css("#wallet-empty").text
    assert css("#try-samples").text == "Try the sample badges"
    shot("01-empty-wallet")


def test_samples_button_fills_the_gallery():
    css("#try-samples").click()
    wait(lambda: len(cards()) >= 3, msg="sample cards")
    names = card_names()
    assert all(n.strip() for n in names), names
    chips = [c.find_element(By.CSS_SELECTOR, ".chip").text for c in cards()]
    assert all(ch for ch in chips), chips
    shot("02-gallery-samples")


def test_import_by_drop_shows_progress_results_and_cards():
    before = len(D.execute_script("return Array.from(document.querySelectorAll('#gallery .card'))"))
    nav("import")
    drop([fixture("1edtech-public-validator", "ob20"), fixture("1edtech-public-validator", "ob30", "simple-eddsa-2022.json"),
          fixture("dcc-verifier-core", "v2Revoked.json"), fixture("bakery-mozilla-js", "unbaked.png")])
    wait(lambda: css("#import-results-panel").is_displayed() and len(csss("#import-results li")) > 3, 30, "import results")
    lines = csss("#import-results li")
    outcomes = [li.get_attribute("data-outcome") for li in lines]
    assert "imported" in outcomes, outcomes
    # an image with no badge in it is refused, with a reason on its line
    refused = [li.text for li in lines if li.get_attribute("data-outcome") == "refused"]
    assert any("unbaked.png" in r and "—" in r for r in refused), refused
    assert "added" in css("#import-summary").text
    shot("03-import-results")
    nav("wallet")
    wait(lambda: len(card_names()) > before or int(css("#result-count").text.split()[0]) > before, msg="more cards")


def test_detail_shows_fields_and_verification():
    nav("wallet")
    search("teamwork")
    wait(lambda: card_names() and all("teamwork" in n.lower() for n in card_names()), msg="search result")
    click_first_card()
    wait(lambda: css("#view-detail").is_displayed() and csss("#verify-summary"), msg="detail shown")
    summary = css("#verify-summary").text
    assert len(summary) > 15, summary
    assert css("#verify-box .chip").text.strip(), "status chip"
    # the technical list is one click away
    assert not css("#tech-details").get_attribute("open")
    css("#tech-details summary").click()
    rows = csss("#tech-details tr[data-check]")
    assert rows, "check rows"
    ids = [r.get_attribute("data-check") for r in rows]
    valid = {"decode", "parse", "schema", "proof", "issuer_key", "hosted", "issuer", "expiry", "not_before", "status", "recipient"}
    assert set(ids) <= valid, ids
    shot("04-badge-detail")
    css("#check-again").click()
    wait(lambda: css("#check-again").text == "Check again" and css("#check-again").is_enabled(), msg="re-checked")
    css('[data-action="back"]').click()
    wait(lambda: css("#view-wallet").is_displayed())


def test_skills_view_stacks_timeline_and_linkedin():
    """Skills and pathways (issue 11) on the samples: the 1EdTech degree's alignments grouped
    under its framework, the CLR transcript's association drawn as a path, the timeline; then
    "Add to LinkedIn" from a badge shows the fields and asks before opening anything."""
    nav("skills")
    wait(lambda: csss("#skills-frameworks .skill"), msg="skills shown")
    fws = [f.get_attribute("data-framework") for f in csss("#skills-frameworks .framework")]
    assert "1EdTech University Program and Course Catalog" in fws, fws
    names = [s.text for s in csss("#skills-frameworks .skill-name")]
    assert "1EdTech University Degree" in names, names
    stacks = csss('#skills-stacks .stack[data-kind="linked"]')
    assert any("Sample Transcript" in s.text for s in stacks), [s.text for s in stacks]
    steps = [s.text for s in csss('#skills-stacks .stack[data-kind="linked"] .step')]
    assert any("Achievement 1" in t for t in steps) and any("Achievement 2" in t for t in steps), steps
    assert D.title == "Skills — Backpack", D.title
    shot("skills")
    css("#skills-search").send_keys("ctdl")
    wait(lambda: len(csss("#skills-frameworks .skill")) == 1 and not csss("#skills-results"), msg="search narrows")
    D.execute_script("const s = document.getElementById('skills-search'); s.value = ''; s.dispatchEvent(new Event('input'));")
    wait(lambda: csss("#skills-results"), msg="search cleared")
    years = [y.text for y in csss("#skills-timeline .timeline-year")]
    assert years and years == sorted(y for y in years if y != "Undated") + (["Undated"] if "Undated" in years else []), years
    D.execute_script("document.getElementById('skills-timeline').scrollIntoView()")
    shot("timeline")
    # a badge behind a skill opens its detail, where "Add to LinkedIn" shows the fields
    css("#skills-frameworks .skill-badge").click()
    wait(lambda: css("#view-detail").is_displayed() and csss("#add-to-linkedin"), msg="detail with LinkedIn button")
    css("#add-to-linkedin").click()
    wait(lambda: csss("#linkedin-dialog[open]"), msg="LinkedIn fields")
    assert css('#linkedin-fields [data-field="name"]').text.startswith("1EdTech University Degree")
    assert "2030" in css('#linkedin-fields [data-field="expires"]').text
    shot("linkedin")
    # "Open LinkedIn…" only asks; cancelling opens nothing
    css("#linkedin-open").click()
    wait(lambda: csss("#confirm-dialog[open]"), msg="confirm before opening")
    assert "LinkedIn" in css("#confirm-title").text
    css('#confirm-dialog button[value="cancel"]').click()
    wait(lambda: not csss("#confirm-dialog[open]"), msg="confirm closed")
    css('[data-action="back"]').click()
    wait(lambda: css("#view-wallet").is_displayed())


def test_collection_create_and_add():
    nav("collections")
    css("#new-collection-name").send_keys("Job applications")
    css("#new-collection-form button[type=submit]").click()
    wait(lambda: any("Job applications" in b.text for b in csss(".collection-btn")), msg="collection listed")
    nav("wallet")
    search("")
    wait(lambda: len(cards()) >= 2)
    first = card_names()[0]
    click_first_card()
    wait(lambda: csss("#add-to-collection-btn"), msg="add-to-collection control")
    css("#add-to-collection-btn").click()
    wait(lambda: "Job applications" in css("#detail-body").text and not csss("#add-to-collection-btn"), msg="added")
    nav("collections")
    wait(lambda: csss("#col-badges li"), msg="badge in collection")
    assert first in css("#col-badges").text
    shot("05-collections")
    # the gallery filter by collection shows exactly that badge
    nav("wallet")
    sel = css("#filter-collection")
    for o in sel.find_elements(By.TAG_NAME, "option"):
        if o.text == "Job applications":
            o.click()
    wait(lambda: card_names() == [first], msg="collection filter")
    for o in sel.find_elements(By.TAG_NAME, "option"):
        if o.get_attribute("value") == "":
            o.click()


def test_export_warns_then_received_file_checks():
    nav("collections")
    wait(lambda: csss("#export-btn"), msg="export panel")
    css("#export-btn").click()
    # No keyring (BACKPACK_KEY_STORE=file): the app asks for the signing key's passphrase first,
    # and a portfolio cannot be made without it.
    wait(lambda: css("#pass-dialog").is_displayed(), msg="signing key passphrase dialog")
    shot("05a-key-passphrase")
    css("#pass-input").send_keys("learner key words")
    css("#pass-ok").click()
    wait(lambda: css("#confirm-dialog").is_displayed(), msg="privacy warning dialog")
    text = css("#confirm-text").text
    assert "identifier" in text, text
    shot("05b-export-warning")
    css('#confirm-dialog button[value="cancel"]').click()
    cid = invoke("list_collections")[0]["id"]
    out = os.path.join(ARGS.tmp, "portfolio.html")
    summary = export_to(cid, "html", out, {"includeDates": True})
    assert os.path.getsize(out) == summary["bytes"] > 1000
    received = chosen(out)
    assert received["names"] == ["portfolio.html"] and ARGS.tmp not in json.dumps(received), received
    report = invoke("open_received", {"files": received["id"]})
    assert report["kind"] == "html" and len(report["badges"]) >= 1, report
    assert report["page"]["matches"], report["page"]
    drop_nothing = invoke("list_badges")  # receiving adds nothing to the wallet
    assert all("portfolio" not in (b["name"] or "").lower() for b in drop_nothing)
    # The received view, with a recipient asked about, then a page whose badge name was edited.
    nav("import")
    show = ("const cb = arguments[arguments.length - 1]; const r = arguments[0], who = arguments[1];"
            "import('./js/views/import.js').then(m => { m.showReceived(r, who); cb(1); }, e => cb(String(e)));")
    who = ["nobody@example.org"]
    assert D.execute_async_script(show, invoke("open_received", {"files": received["id"], "recipients": who}), who) == 1
    wait(lambda: csss("#received-badges li"), msg="received badges listed")
    assert css("#received-page").get_attribute("data-matches") == "true"
    states = {li.get_attribute("data-recipient") for li in csss("#received-badges li")}
    assert states <= {"matches", "does_not_match", "not_stated"}, states
    assert css("#received-recipient").get_attribute("value") == "nobody@example.org"
    shot("05c-received")
    html = open(out, encoding="utf-8").read()
    start = html.index('data-field="name">') + len('data-field="name">')
    real = html[start:html.index("</h2>", start)]
    bad = os.path.join(ARGS.tmp, "tampered.html")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(html[:start] + "Doctor of Medicine" + html[start + len(real):])
    tampered = invoke("open_received", {"files": chosen(bad)["id"]})
    assert not tampered["page"]["matches"]
    assert tampered["page"]["differences"][0]["field"] == "name", tampered["page"]
    assert D.execute_async_script(show, tampered, []) == 1
    wait(lambda: css("#received-page").get_attribute("data-matches") == "false", msg="tampered page flagged")
    text = css("#received-page").text
    assert "the page says 'Doctor of Medicine'" in text, text
    assert "Doctor of Medicine" not in css("#received-badges").text  # shown from the credential
    shot("05d-received-tampered")
    D.execute_script("document.getElementById('received-panel').hidden = true")  # as later tests expect


def test_search_filters_as_you_type():
    nav("wallet")
    search("")
    total = len(cards())
    search("zzzz-no-such-badge")
    wait(lambda: css("#wallet-nomatch").is_displayed(), msg="no match")
    assert len(cards()) == 0
    search("")
    wait(lambda: len(cards()) == total)
    search("example")
    wait(lambda: 0 < len(cards()) < total, msg="filtered")
    for c in cards():
        assert c.get_attribute("aria-label"), "card has an accessible name"
    shot("06-search")
    search("")
    # Search, filters and sort are the core's, the same engine as `backpack list`: the gallery
    # shows the badges the CLI lists for the same query, in the same order.
    cli = os.path.join(os.path.dirname(ARGS.app), "backpack")
    def listed(*args):
        out = subprocess.run([cli, "list", "--json", *args], capture_output=True, check=True,
                             env={**os.environ, "BACKPACK_LANG": "en"}).stdout
        return [r["id"] for r in json.loads(out)]
    def shown():
        # In visual order: the gallery is virtualised, its rows sit by data-index.
        return [int(c.get_attribute("data-key")) for c in sorted(cards(), key=lambda c: int(c.get_attribute("data-index")))]
    def pick(sel, value):
        D.execute_script("const s = document.querySelector(arguments[0]); s.value = arguments[1];"
                         "s.dispatchEvent(new Event('change'));", sel, value)
    pick("#sort", "name")
    want = listed("--sort", "name")
    wait(lambda: shown() == want[:len(shown())] and shown(), msg="sorted by name as backpack list")
    issuer = D.execute_script("return document.querySelector('#filter-issuer').options[1].value")
    pick("#filter-issuer", issuer)
    want = listed("--sort", "name", "--issuer", issuer)
    wait(lambda: shown() == want, msg=f"issuer {issuer!r} as backpack list")
    assert 0 < len(want) < total, want
    search("a")
    want = listed("--sort", "name", "--issuer", issuer, "--search", "a")
    wait(lambda: shown() == want, msg="search within the filter as backpack list")
    search("")
    pick("#filter-issuer", "")
    pick("#sort", "newest")
    wait(lambda: len(cards()) == total)


def test_hostile_badge_renders_as_inert_text():
    D.execute_script("window.__pwned = undefined;")
    nav("import")
    css("#paste").send_keys(xss_badge())
    css("#paste-form button[type=submit]").click()
    # (read inside wait(): the result list may be redrawn between two reads)
    wait(lambda: csss("#import-results li")
         and csss("#import-results li")[0].get_attribute("data-outcome") == "imported", msg="paste imported")
    nav("wallet")
    search("evil")
    wait(lambda: len(cards()) == 1 and "<script>" in card_names()[0], msg="hostile card")
    click_first_card()
    wait(lambda: csss("#detail-name"), msg="hostile detail")
    assert css("#detail-name").text == XSS_NAME
    assert XSS_DESC in css("#detail-body").text
    assert "javascript:" in css("#detail-body").text  # shown as text …
    body = css("#detail-body")
    # … and never as live markup
    assert body.find_elements(By.TAG_NAME, "script") == []
    assert body.find_elements(By.CSS_SELECTOR, "a[href]") == []
    assert [i.get_attribute("src") for i in body.find_elements(By.CSS_SELECTOR, "img[src='x']")] == []
    assert not D.execute_script(
        "return Array.from(document.querySelectorAll('#detail-body *')).some(e => e.hasAttribute('onerror'))")
    time.sleep(0.5)
    assert D.execute_script("return window.__pwned") is None, "a payload ran"
    assert D.title != "pwned"
    # the remote image was not fetched: only our placeholder / badgeimg: / data: images exist
    srcs = D.execute_script("return Array.from(document.images).map(i => i.src)")
    assert not [s for s in srcs if s.startswith("http")], srcs
    shot("07-hostile-badge-inert")
    css('[data-action="back"]').click()
    search("")


def test_settings_profile_network_and_minor_mode():
    nav("settings")
    wait(lambda: csss("#wallet-path"))
    assert css("#wallet-path").text == os.environ["BACKPACK_WALLET"]
    assert not css("#network-allowed").is_selected(), "network is off by default"
    css("#add-email").send_keys("learner@example.org")
    css("#add-email").submit()
    wait(lambda: "learner@example.org" in css("#settings-body").text)
    shot("08-settings")
    css("#guardian-pass").send_keys("guardian-secret")
    css("#guardian-pass").submit()
    wait(lambda: "Minor mode is on. Sharing" in css("#settings-body").text, msg="minor mode on")
    assert not csss("#network-allowed"), "network control hidden in minor mode"
    shot("09-minor-mode")
    css("#guardian-pass").send_keys("guardian-secret")
    css("#guardian-pass").submit()
    wait(lambda: csss("#network-allowed"), msg="unlocked")


def test_remove_with_undo():
    nav("wallet")
    n = len(invoke("list_badges"))
    click_first_card()
    wait(lambda: csss("#detail-name"))
    name = css("#detail-name").text
    D.find_element(By.XPATH, "//button[text()='Remove from backpack']").click()
    wait(lambda: css("#confirm-dialog").is_displayed())
    css("#confirm-ok").click()
    wait(lambda: len(invoke("list_badges")) == n - 1, msg="removed")
    wait(lambda: csss(".toast .link-btn"), msg="undo toast")
    css(".toast .link-btn").click()
    wait(lambda: len(invoke("list_badges")) == n, msg="undone")
    assert name in [b["name"] for b in invoke("list_badges")]


def test_keyboard_navigation():
    nav("wallet")
    body = css("body")
    body.send_keys("/")
    assert D.switch_to.active_element.get_attribute("id") == "search"
    D.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    active = D.switch_to.active_element
    assert "card" in active.get_attribute("class"), active.get_attribute("class")
    active.send_keys(Keys.ENTER)
    wait(lambda: css("#view-detail").is_displayed(), msg="detail by keyboard")
    D.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(lambda: css("#view-wallet").is_displayed(), msg="back by Escape")


def test_cancel_stops_a_bulk_import_between_files():
    folder = os.path.join(ARGS.tmp, "cancel-badges")
    make_badges(folder, 3000)
    before = len(invoke("list_badges"))
    nav("import")
    drop([folder])
    wait(lambda: css("#import-progress-panel").is_displayed()
         and int((css("#import-progress").get_attribute("value") or "0").split(".")[0]) >= 20, 60, "import under way")
    # Earlier tests' notices (they fade after 6 s) may still sit over the panel's corner.
    D.execute_script("document.getElementById('toasts').replaceChildren()")
    css('[data-action="cancel-job"]').click()
    wait(lambda: css("#import-results-panel").is_displayed() and "stopped after" in css("#import-summary").text, 60,
         "cancelled import reported")
    summary = css("#import-summary").text
    added = int(summary.split()[0].replace(",", ""))  # "1,234 added": numbers are formatted (Intl)
    assert 20 <= added < 3000, summary
    # what was added before the stop is in the wallet, whole; nothing after it
    wait(lambda: len(invoke("list_badges")) == before + added, msg="wallet holds exactly the added badges")
    shot("10-import-cancelled")


def test_second_launch_hands_its_files_to_the_window():
    """`backpack-app FILE` while the app runs on the same wallet (same D-Bus session, see
    e2e/run.sh): the second process hands its files over and exits; this window imports the
    badge and shows the received presentation read-only."""
    nav("wallet")
    before = len(invoke("list_badges"))
    folder = os.path.join(ARGS.tmp, "handoff")
    make_badges(folder, 1)
    with open(os.path.join(folder, "b00000.json")) as f:  # not a duplicate of earlier tests' badges
        doc = json.load(f)
    doc["id"] = "urn:uuid:8e0c2d1a-5b7f-4c3e-9a61-0d2f4b6c8e10"
    doc["credentialSubject"]["achievement"]["id"] = "https://handoff.example/achievements/1"
    with open(os.path.join(folder, "b00000.json"), "w") as f:
        json.dump(doc, f)
    # A signed presentation of a badge already in the wallet, as a receiver would get it.
    samples = invoke("import_samples")
    before = len(invoke("list_badges"))
    invoke("set_key_passphrase", {"passphrase": "learner key words"})  # as the export test did
    cid = invoke("create_collection", {"name": "Handed over"})["id"]
    invoke("add_to_collection", {"id": cid, "badgeIds": [samples[0]["id"]]})
    export_to(cid, "vp", os.path.join(folder, "shared.json"), {"includeDates": True})
    t = time.time()
    # Relative names, resolved against the second launch's own folder.
    r = subprocess.run([ARGS.app, "b00000.json", "shared.json"], cwd=folder, timeout=30,
                       capture_output=True, text=True)
    if r.returncode < 0:
        # Known, intermittent (seen once in the full suite on a loaded 2-core machine; never in
        # 3 runs of this test alone nor 28 manual second launches): the second process dies from a signal inside the single-instance plugin's
        # exit(0) after the D-Bus call. Say so loudly; the hand-off itself is still asserted below.
        print(f"WARNING: second launch died from signal {-r.returncode} on exit: {r.stderr[-300:]!r}")
    else:
        assert r.returncode == 0, (r.returncode, r.stderr)
    assert time.time() - t < 10, "the second launch should hand over and exit at once"
    wait(lambda: len(invoke("list_badges")) == before + 1, 20, "handed-over badge imported")
    wait(lambda: css("#received-panel").is_displayed(), 20, "received presentation shown")
    assert css("#view-import").is_displayed()
    assert "1 added" in css("#import-summary").text, css("#import-summary").text
    shot("10-handed-over-files")
    assert "presentation export" in css("#received-panel").text, css("#received-panel").text
    assert len(invoke("list_badges")) == before + 1, "the presentation must not be imported"


def test_help_explains_every_status_and_reopens_the_first_steps():
    nav("help")
    assert D.title == "Help — Backpack", D.title
    shown = [dt.get_attribute("data-status") for dt in csss("#help-verdicts dt")]
    assert shown == ["verified", "issuer_not_confirmed", "could_not_check", "invalid", "expired", "revoked",
                     "unreadable", "not_checked"], shown
    # The labels are the core's (verify::Status::label), each with one explaining line.
    labels = [dt.text.lstrip("✓◐?✕⚠⊘· ").strip() for dt in csss("#help-verdicts dt")]
    assert labels == ["Verified", "Signature intact, issuer not confirmed", "Could not check", "Invalid", "Expired",
                      "Revoked", "Unreadable", "Not checked"], labels
    assert all(len(dd.text) > 30 for dd in csss("#help-verdicts dd"))
    text = css("#view-help").text
    for needle in ["Issuer not confirmed", "Sharing your badges", "Backing up", "What minor mode protects"]:
        assert needle in text, needle
    shot("11-help")
    css("#show-welcome").click()
    wait(lambda: css("#view-welcome").is_displayed(), msg="first steps again from Help")
    css("#welcome-done").click()
    wait(lambda: css("#view-wallet").is_displayed())


def tab_to(pred, what, limit=80):
    """Press Tab (on whatever has focus) until pred(active element) holds. Keyboard only."""
    for _ in range(limit):
        a = D.switch_to.active_element
        try:
            if pred(a):
                return a
            a.send_keys(Keys.TAB)
        except StaleElementReferenceException:
            # The view re-rendered under the focus (a detail page finishing its load): ask
            # again which element has focus; no Tab was lost.
            continue
    raise AssertionError(f"Tab never reached {what}")


def is_(sel):
    return lambda a: D.execute_script("return arguments[0].matches(arguments[1])", a, sel)


def test_keyboard_only_walkthrough():
    """Import the samples, make a collection, open a badge, add it, export: keys only (the
    native save dialog is answered by the test through the BACKPACK_E2E_DIALOG hook, as a
    learner would type a path into it)."""
    out = os.path.join(ARGS.tmp, "keyboard-portfolio.html")
    answer_dialogs([out])
    D.execute_script("document.activeElement && document.activeElement.blur(); document.body.focus()")
    tab_to(is_('.nav-item[data-view="import"]'), "Add badges").send_keys(Keys.ENTER)
    wait(lambda: css("#view-import").is_displayed())
    tab_to(is_('#paste-form [data-action="import-samples"]'), "Add the sample badges").send_keys(Keys.ENTER)
    wait(lambda: css("#view-wallet").is_displayed() and cards(), msg="samples in the gallery")
    tab_to(is_('.nav-item[data-view="collections"]'), "Collections").send_keys(Keys.ENTER)
    wait(lambda: css("#view-collections").is_displayed())
    tab_to(is_("#new-collection-name"), "new collection name").send_keys("Keyboard picks", Keys.ENTER)
    wait(lambda: any("Keyboard picks" in b.text for b in csss(".collection-btn")), msg="collection made")
    tab_to(is_('.nav-item[data-view="wallet"]'), "My badges").send_keys(Keys.ENTER)
    wait(lambda: css("#view-wallet").is_displayed())
    D.switch_to.active_element.send_keys("/")
    wait(lambda: D.switch_to.active_element.get_attribute("id") == "search", msg="/ focuses search")
    D.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    wait(lambda: "card" in (D.switch_to.active_element.get_attribute("class") or ""), msg="first card focused")
    D.switch_to.active_element.send_keys(Keys.ENTER)
    wait(lambda: css("#view-detail").is_displayed() and csss("#detail-name"), msg="detail by keyboard")
    name = css("#detail-name").text
    sel = tab_to(is_("#add-to-collection"), "collection select")
    for _ in range(10):
        if D.execute_script("return arguments[0].selectedOptions[0].text", sel) == "Keyboard picks":
            break
        sel.send_keys(Keys.ARROW_DOWN)
    assert D.execute_script("return arguments[0].selectedOptions[0].text", sel) == "Keyboard picks"
    tab_to(is_("#add-to-collection-btn"), "Add to collection").send_keys(Keys.ENTER)
    wait(lambda: any(c["name"] == "Keyboard picks" and c["badgeIds"] for c in invoke("list_collections")), msg="added")
    tab_to(is_('.nav-item[data-view="collections"]'), "Collections").send_keys(Keys.ENTER)
    wait(lambda: css("#view-collections").is_displayed())
    tab_to(lambda a: "Keyboard picks" in a.text and is_(".collection-btn")(a), "the new collection").send_keys(Keys.ENTER)
    wait(lambda: css("#collection-name").get_attribute("value") == "Keyboard picks", msg="collection opened")
    assert name in css("#col-badges").text
    tab_to(is_("#export-btn"), "Export").send_keys(Keys.ENTER)
    wait(lambda: css("#confirm-dialog").is_displayed() or css("#pass-dialog").is_displayed(), msg="export dialog")
    if css("#pass-dialog").is_displayed():  # the signing key's passphrase (no keyring), typed
        assert D.switch_to.active_element.get_attribute("id") == "pass-input"
        D.switch_to.active_element.send_keys("learner key words", Keys.ENTER)
    wait(lambda: css("#confirm-dialog").is_displayed(), msg="privacy warning")
    tab_to(is_("#confirm-ok"), "Choose where to save").send_keys(Keys.ENTER)
    wait(lambda: os.path.exists(out) and os.path.getsize(out) > 1000, 30, "portfolio written")
    wait(lambda: any("Exported 1 badge" in x.text for x in csss(".toast")), msg="export toast")
    got = [(b.get("badge") or {}).get("name") for b in invoke("open_received", {"files": chosen(out)["id"]})["badges"]]
    assert name in got, (name, got)
    shot("12-keyboard-export")


# Dark theme: the UI follows prefers-color-scheme (ui/css/theme.css). WebKitWebDriver cannot
# emulate the media feature, so the test copies the rules of that @media block to the top level
# of the stylesheet (and sets color-scheme), which is exactly what a dark system does.
SET_THEME = """
const dark = arguments[0];
for (const sheet of document.styleSheets) {
  for (let i = sheet.cssRules.length - 1; i >= 0; i--) if (sheet.cssRules[i].cssText.includes('--e2e-dark')) sheet.deleteRule(i);
  if (!dark) continue;
  for (const r of [...sheet.cssRules]) {
    if (r.conditionText && r.conditionText.includes('prefers-color-scheme: dark'))
      for (const inner of r.cssRules) sheet.insertRule(inner.cssText.replace('{', '{ --e2e-dark: 1;'), sheet.cssRules.length);
  }
}
document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
"""

AXE_RUN = r"""
const cb = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
  .then(r => cb(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').split('\n').slice(0, 3).join(' '))}))
    .concat(r.incomplete.filter(v => v.id === 'color-contrast').map(v => ({id: 'color-contrast-incomplete', impact: 'review', help: v.help, nodes: [String(v.nodes.length)]})))),
        e => cb([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
"""


def axe(screen):
    """Run axe-core in the real webview; returns the serious/critical violations as lines."""
    if not D.execute_script("return !!window.axe"):
        # As the script itself: WebDriver scripts run outside the page's CSP (no eval needed).
        assert D.execute_script(AXE_SOURCE() + "\n;return typeof window.axe;") == "object"
    v = D.execute_async_script(AXE_RUN)
    bad = [x for x in v if x["impact"] in ("serious", "critical")]
    for x in v:
        if x["impact"] not in ("serious", "critical"):
            AXE_OTHER.setdefault(f"{x['impact']} {x['id']}", set()).add(screen)
    return [f"{screen}: {x['impact']} {x['id']} ({x['help']}): {x['nodes']}" for x in bad]


_axe_src = None
# Moderate/minor findings (and contrast axe could not decide, e.g. text over an image), printed
# for the record: the test fails on serious and critical ones only.
AXE_OTHER = {}


def AXE_SOURCE():
    global _axe_src
    if _axe_src is None:
        with open(ARGS.axe, encoding="utf-8") as f:
            _axe_src = f.read()
    return _axe_src


def set_language(code):
    r = D.execute_async_script(
        "const cb = arguments[arguments.length - 1];"
        "import('./js/i18n.js').then(m => { m.setPreference(arguments[0]);"
        " window.dispatchEvent(new Event('backpack:language')); cb(1); }, e => cb(String(e)));", code)
    assert r == 1, r


def screens():
    """(name, show) for every screen; show() brings it up from anywhere, and returns a cleanup."""
    def view(v):
        def show():
            nav(v)
            return None
        return show

    def detail():
        nav("wallet")
        search("")
        wait(lambda: cards())
        click_first_card()
        wait(lambda: csss("#detail-name") and csss("#verify-summary"), msg="detail")
        css("#tech-details summary").click()

    def collections():
        nav("collections")
        wait(lambda: csss("#col-badges li"), msg="collection with badges")

    def export_dialog():
        collections()
        css("#export-btn").click()
        wait(lambda: css("#confirm-dialog").is_displayed() or css("#pass-dialog").is_displayed(), msg="export dialog")
        if css("#pass-dialog").is_displayed():
            css("#pass-input").send_keys("learner key words")
            css("#pass-ok").click()
            wait(lambda: css("#confirm-dialog").is_displayed(), msg="privacy warning")
        return lambda: css('#confirm-dialog button[value="cancel"]').click()

    def received():
        nav("import")
        r = invoke("open_received", {"files": chosen(os.path.join(ARGS.tmp, "portfolio.html"))["id"]})
        assert D.execute_async_script(
            "const cb = arguments[arguments.length - 1];"
            "import('./js/views/import.js').then(m => { m.showReceived(arguments[0], []); cb(1); }, e => cb(String(e)));", r) == 1
        wait(lambda: csss("#received-badges li"), msg="received badges")
        D.execute_script("document.getElementById('received-panel').scrollIntoView()")
        return lambda: D.execute_script("document.getElementById('received-panel').hidden = true")

    def welcome():
        nav("help")
        css("#show-welcome").click()
        wait(lambda: css("#view-welcome").is_displayed())

    def gallery():
        nav("wallet")
        search("")
        wait(lambda: cards())

    return [("gallery", gallery), ("detail", detail), ("import", view("import")), ("collections", collections),
            ("settings", view("settings")), ("export-dialog", export_dialog), ("received", received),
            ("first-run", welcome), ("help", view("help")), ("skills", view("skills"))]


def test_axe_every_screen_light_and_dark_in_english_and_spanish():
    """axe-core in the real webview: zero serious or critical violations on every screen, in
    both themes and both languages; one screenshot of each (e2e-output/screens/)."""
    os.makedirs(os.path.join(ARGS.out, "screens"), exist_ok=True)
    # The audit can fail: a nameless button and grey-on-grey text are reported.
    nav("help")
    D.execute_script("const m = document.querySelector('#view-help .help-body');"
                     "const b = document.createElement('button'); b.id = 'axe-bad-1'; m.prepend(b);"
                     "const p = document.createElement('p'); p.id = 'axe-bad-2'; p.textContent = 'faint text';"
                     "p.style.color = '#ccc'; p.style.background = '#ddd'; m.prepend(p);")
    seeded = "\n".join(axe("seeded"))
    D.execute_script("document.getElementById('axe-bad-1').remove(); document.getElementById('axe-bad-2').remove();")
    assert "button-name" in seeded and "color-contrast" in seeded, seeded
    problems = []
    try:
        for lang in ("en", "es"):
            set_language(lang)
            for theme in ("light", "dark"):
                D.execute_script(SET_THEME, theme == "dark")
                for name, show in screens():
                    cleanup = show()
                    time.sleep(0.3)  # toasts and focus settle
                    problems += axe(f"{name} [{lang}, {theme}]")
                    shot(os.path.join("screens", f"{name}-{lang}-{theme}"))
                    if cleanup:
                        cleanup()
    finally:
        D.execute_script(SET_THEME, False)
        set_language("")
    runs = 2 * 2 * len(screens())
    print(f"  axe-core {D.execute_script('return axe.version')}: {runs} screen runs, "
          f"{len(problems)} serious/critical violations")
    for k, where in sorted(AXE_OTHER.items()):
        if where != {"seeded"}:
            print(f"  axe (not failing): {k} on {len(where - {'seeded'})} screen runs, e.g. {sorted(where - {'seeded'})[0]}")
    assert not problems, "\n".join(problems)


# Text nodes that are visible and not inside translate="no" (the learner's and badges' own
# data): in the pseudo-locale every letter of the catalog is accented, so plain ASCII letters
# here are a string that does not come from the catalog.
UNTRANSLATED = r"""
const out = [];
// A message may interpolate data (a badge name, a number): it still carries some accented
// (catalog) letters. Text with ASCII words and no accented letter at all is not from the catalog.
const PSEUDO = /[\u00C0-\u02AF\u1E00-\u1EFF]/;
const visible = (e) => e && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden';
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n; (n = walker.nextNode());) {
  const p = n.parentElement;
  if (!p || p.closest('[translate="no"], script, style, option, textarea, [hidden]')) continue;
  if (!/[A-Za-z]{2,}/.test(n.data) || PSEUDO.test(n.data) || !visible(p)) continue;
  out.push(n.data.trim().slice(0, 80));
}
for (const e of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
  if (e.closest('[translate="no"], [hidden]') || !visible(e)) continue;
  for (const a of ['aria-label', 'placeholder', 'title']) {
    const v = e.getAttribute(a);
    if (v && /[A-Za-z]{2,}/.test(v) && !PSEUDO.test(v)) out.push(`${a}="${v.slice(0, 80)}"`);
  }
}
return out;
"""

# Every screen but the export dialog, whose privacy warning is the core's own English text
# (the core's messages are not translated yet).
PSEUDO_SCREENS = ["gallery", "detail", "import", "collections", "settings", "received", "first-run", "help", "skills"]


def test_pseudo_locale_shows_no_string_outside_the_catalog():
    set_language("en-XA")
    try:
        assert D.execute_script("return document.documentElement.lang") == "en"
        found = []
        for name, show in screens():
            if name not in PSEUDO_SCREENS:
                continue
            show()
            time.sleep(0.3)
            D.execute_script("for (const t of document.querySelectorAll('.toast')) t.remove()")
            found += [f"{name}: {x}" for x in D.execute_script(UNTRANSLATED)]
        shot("13-pseudo-locale")
        assert not found, "\n".join(found)
    finally:
        set_language("")


TESTS = [v for k, v in list(globals().items()) if k.startswith("test_")]


# ───────────────────────────── benchmark ─────────────────────────────

def make_badges(folder, n):
    os.makedirs(folder, exist_ok=True)
    skills = ["Soldering", "Python", "Public speaking", "First aid", "Teamwork", "Robotics", "Algebra", "Chemistry"]
    issuers = [f"Example College {i}" for i in range(40)]
    for i in range(n):
        doc = {
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": f"urn:uuid:00000000-0000-4000-8000-{i:012d}",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": {"id": f"https://college{i % 40}.example/issuer", "type": ["Profile"], "name": issuers[i % 40]},
            "validFrom": f"20{10 + i % 16:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}T00:00:00Z",
            "name": f"Badge {i}",
            "credentialSubject": {"type": ["AchievementSubject"], "achievement": {
                "id": f"https://college{i % 40}.example/achievements/{i}", "type": ["Achievement"],
                "name": f"{skills[i % 8]} level {i % 5} #{i}", "description": f"Awarded for {skills[(i * 3) % 8].lower()} work number {i}.",
                "criteria": {"narrative": "Complete the project."}}},
        }
        with open(os.path.join(folder, f"b{i:05d}.json"), "w") as f:
            json.dump(doc, f)


def app_process_start(app, since):
    """Wall-clock start time (epoch s) of the newest `app` process started after `since`, from
    /proc (start time in clock ticks since boot, 10 ms resolution); None if not found."""
    real = os.path.realpath(app)
    hz = os.sysconf("SC_CLK_TCK")
    best = None
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if os.path.realpath(f"/proc/{pid}/exe") != real:
                continue
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open("/proc/uptime") as f:
                boot = time.time() - float(f.read().split()[0])
        except OSError:
            continue
        start = boot + int(fields[19]) / hz  # field 22 of stat: starttime
        if start >= since - 0.05 and (best is None or start > best):
            best = start
    return best


def launch_and_time():
    """Start the app (a new WebDriver session launches a new process) and time it: process
    launch -> first painted gallery (two animation frames after the gallery is in the DOM, the
    `first-gallery-paint` mark of ui/js/main.js), both as wall-clock times."""
    global D
    requested = time.time()
    D = session()
    wait(lambda: D.execute_script("return !!(document.body && document.body.dataset.ready === '1'"
                                  " && performance.getEntriesByName('first-gallery-paint').length)"), 60)
    m = D.execute_script(
        "const p = performance.getEntriesByName('first-gallery-paint')[0];"
        "return {origin: performance.timeOrigin, paint: p.startTime,"
        " cards: document.querySelectorAll('#gallery .card').length, count: document.querySelector('#result-count').textContent};")
    started = app_process_start(ARGS.app, requested)
    paint = (m["origin"] + m["paint"]) / 1000
    m["launch_to_paint"] = None if started is None else (paint - started) * 1000
    m["request_to_paint"] = (paint - requested) * 1000
    m["launch_to_navigation"] = None if started is None else (m["origin"] / 1000 - started) * 1000
    return m


DROP_BENCH = """
const n = arguments[0], cb = arguments[arguments.length - 1];
const b = window.__dropBench = {gaps: [], at: [], progress: [], done: null, imported: null};
const count = () => parseInt((document.querySelector('#wallet-count').textContent || '').replace(/\\D/g, '')) || 0;
let last = performance.now();
const tick = (now) => { b.gaps.push(now - last); b.at.push(now - b.t0); last = now; if (b.done === null) requestAnimationFrame(tick); };
window.__TAURI__.event.listen('import-progress', (e) => b.progress.push([performance.now() - b.t0, e.payload.done]));
const iv = setInterval(() => {
  if (b.imported === null && !document.querySelector('#import-results-panel').hidden) b.imported = performance.now();
  if (count() >= n) { b.done = performance.now(); clearInterval(iv); }
}, 10);
b.t0 = performance.now();
requestAnimationFrame(tick);
window.__TAURI__.event.emit('e2e-drop', {}).then(() => cb(1), e => cb(String(e)));
"""


IDLE_FRAMES = """
const cb = arguments[arguments.length - 1], gaps = [];
let last = performance.now();
const end = last + 2000;
const tick = (now) => { gaps.push(now - last); last = now; if (now < end) requestAnimationFrame(tick); else cb(gaps); };
requestAnimationFrame(tick);
"""


def drop_bench(folder, n):
    """Drop the folder of n badges on the window (through the handle path a real drop takes,
    src-tauri/src/files.rs) and time, inside the page: drop -> all n in the gallery (the
    gallery's count), and every gap between two animation frames meanwhile (a gap over 100 ms
    is a frame the learner sees stall)."""
    # The same window left alone for 2 s first: what the machine gives the page with nothing
    # to import (other jobs share these 2 cores), to tell the import's stalls from the rest.
    idle = sorted(D.execute_async_script(IDLE_FRAMES))
    print(f"frames with nothing to do (2 s before the drop): {len(idle)}, gap median {idle[len(idle) // 2]:.1f} ms, "
          f"longest {idle[-1]:.1f} ms, {sum(g > 100 for g in idle)} gaps over 100 ms", flush=True)
    answer_dialogs([folder])
    t = time.time()
    assert D.execute_async_script(DROP_BENCH, n) == 1
    wait(lambda: D.execute_script("return window.__dropBench.done !== null"), 900, "all badges in the gallery")
    b = D.execute_script("const b = window.__dropBench; return {t0: b.t0, done: b.done, imported: b.imported,"
                         " gaps: b.gaps, at: b.at, progress: b.progress,"
                         " summary: document.querySelector('#import-summary').textContent};")
    secs = (b["done"] - b["t0"]) / 1000
    gaps = sorted(b["gaps"])
    over = [g for g in gaps if g > 100]
    pct = lambda a, q: a[min(len(a) - 1, int(q * len(a)))]
    imp = "?" if b["imported"] is None else f"{(b['imported'] - b['t0']) / 1000:.2f} s"
    print(f"drop of {n} baked signed badges -> all {n} in the gallery: {secs:.2f} s (target < 8 s: "
          f"{'met' if secs < 8 else f'NOT met, {secs - 8:.2f} s over'}); import results shown at {imp}; "
          f"outside wall {time.time() - t:.1f} s; {b['summary']}")
    print(f"frames while importing: {len(gaps)}, gap between frames median {pct(gaps, .5):.1f} ms, "
          f"p95 {pct(gaps, .95):.1f} ms, p99 {pct(gaps, .99):.1f} ms, longest {gaps[-1]:.1f} ms; "
          f"{len(over)} gaps over 100 ms (target none: {'met' if not over else 'NOT met'})"
          + (f", the longest: {', '.join(f'{g:.0f}' for g in over[::-1][:8])} ms" if over else ""), flush=True)
    # Where the time goes: the import's progress events as the page received them, and where
    # the longest gaps fell (seconds after the drop; a gap ends at its frame).
    prog = b["progress"]
    if prog:
        marks = [prog[0]] + [next(p for p in prog if p[1] >= n * q) for q in (.25, .5, .75)] + [prog[-1]]
        print("import progress as the page saw it (s after drop: badges stored): "
              + ", ".join(f"{t / 1000:.2f}: {d}" for t, d in marks) + f"; {len(prog)} progress events")
    longest = sorted(zip(b["gaps"], b["at"]), reverse=True)[:5]
    print("longest gaps (ms, ending at s after drop): "
          + ", ".join(f"{g:.0f} at {a / 1000:.2f}" for g, a in longest), flush=True)


def x_painted_keystrokes(words, pause=0.08):
    """Keystroke -> results painted, measured by the X server (issue 14's figure as the
    learner sees it): each key is sent with XTEST and the clock stops at the first XDamage
    report of the app's window inside the results area (the gallery and its count, not the
    search box, whose echo and caret repaint on their own). Nothing in the page is timed.
    Returns (latencies in ms, keys whose results area was not repainted within 500 ms), or None
    when the display has no XTEST/DAMAGE or python-xlib is missing."""
    try:
        import select
        from Xlib import X, XK, display as xdisplay
        from Xlib.ext import damage, xtest  # noqa: F401 (registers the extensions)
    except ImportError:
        return None
    dpy = xdisplay.Display()
    if not dpy.has_extension("DAMAGE") or not dpy.has_extension("XTEST"):
        return None
    dpy.damage_query_version()
    root = dpy.screen().root
    # The app's window: the largest mapped top-level window (Xvfb, no window manager).
    tops = [w for w in root.query_tree().children if w.get_attributes().map_state == X.IsViewable]
    win = max(tops, key=lambda w: w.get_geometry().width * w.get_geometry().height)
    rect = D.execute_script("""
        const a = document.querySelector('#gallery-scroll').getBoundingClientRect();
        const b = document.querySelector('#result-count').getBoundingClientRect();
        return [Math.min(a.left, b.left), Math.min(a.top, b.top), Math.max(a.right, b.right),
                Math.max(a.bottom, b.bottom), window.devicePixelRatio];""")
    dpr = rect[4] or 1
    left, top, right, bottom = (v * dpr for v in rect[:4])
    dmg = win.damage_create(damage.DamageReportRawRectangles)
    win.set_input_focus(X.RevertToParent, X.CurrentTime)
    dpy.sync()
    box = css("#search")
    D.execute_script("arguments[0].focus()", box)
    notify = dpy.extension_event.DamageNotify

    def in_results(ev):
        a = ev.area
        return a.x < right and a.x + a.width > left and a.y < bottom and a.y + a.height > top

    def drain(until):
        """Discard every X event until `until` (perf_counter seconds)."""
        while True:
            while dpy.pending_events():
                dpy.next_event()
            now = time.perf_counter()
            if now >= until:
                return
            select.select([dpy], [], [], until - now)

    def key(keysym):
        kc = dpy.keysym_to_keycode(keysym)
        xtest.fake_input(dpy, X.KeyPress, kc)
        xtest.fake_input(dpy, X.KeyRelease, kc)

    lat, missed = [], 0
    for word in words:
        D.execute_script("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'))", box)
        drain(time.perf_counter() + 0.3)
        for ch in list(word) + [None]:
            keysym = XK.XK_BackSpace if ch is None else XK.string_to_keysym("space" if ch == " " else ch)
            drain(time.perf_counter())  # what was painted before the key is not its answer
            t0 = time.perf_counter()
            key(keysym)
            dpy.flush()
            end = t0 + 0.5
            hit = None
            while hit is None and time.perf_counter() < end:
                while dpy.pending_events():
                    ev = dpy.next_event()
                    if ev.type == notify and in_results(ev):
                        hit = time.perf_counter()
                        break
                if hit is None:
                    select.select([dpy], [], [], max(0.0, end - time.perf_counter()))
            if hit is None:
                missed += 1
            else:
                lat.append((hit - t0) * 1000)
            drain(time.perf_counter() + pause)
        # The keys went to the search box (not somewhere else that happened to repaint).
        typed = D.execute_script("return arguments[0].value", box)
        if typed != word[:-1]:
            raise AssertionError(f"XTEST keys did not reach the search box: {typed!r} after typing {word!r} and a backspace")
    dpy.damage_destroy(dmg)
    dpy.close()
    return sorted(lat), missed


def bench():
    global D
    n = 10_000
    launches = 5
    folder = os.path.join(ARGS.tmp, "bench-badges")
    t = time.time()
    # Distinct OB 3.0 credentials signed with eddsa-rdfc-2022 and baked into PNGs (the words of
    # make_badges, so the search bench below types the same queries).
    subprocess.run([ARGS.baker, folder, str(n)], check=True)
    print(f"app: {ARGS.app}")
    print(f"baked {n} signed badge PNGs in {time.time() - t:.1f} s")
    D = session()
    try:
        wait(lambda: D.execute_script("return document.body.dataset.ready") == "1")
        nav("import")
        drop_bench(folder, n)
    finally:
        D.quit()
    runs = []
    for i in range(launches):
        time.sleep(1)  # the previous process is gone, the machine settles
        m = launch_and_time()
        runs.append(m)
        lp = m["launch_to_paint"]
        print(f"start-up run {i + 1}: process launch -> gallery painted "
              f"{'?' if lp is None else f'{lp:.0f}'} ms (launch -> navigation start "
              f"{'?' if m['launch_to_navigation'] is None else round(m['launch_to_navigation'])} ms, "
              f"navigation -> painted {m['paint']:.0f} ms; WebDriver session request -> painted "
              f"{m['request_to_paint']:.0f} ms), {m['cards']} cards in the DOM, '{m['count']}'", flush=True)
        if i < launches - 1:
            D.quit()
    try:
        shot("bench-10000-gallery")
        box = css("#search")
        D.execute_script("window.__searchTimings = []")
        # Keystroke -> the frame with the results has been painted, measured from outside the
        # app's own code: from the keydown event's timestamp to a task queued from the next
        # animation frame (it runs once that frame's rendering is done).
        D.execute_script("""
            window.__keyPaint = [];
            const box = document.querySelector('#search');
            let t0 = 0;
            box.addEventListener('keydown', (e) => { t0 = e.timeStamp; }, true);
            // When each frame began: a frame that began after a keystroke and before its
            // results were in the DOM was drawn without them.
            window.__frameTimes = [];
            (function tick() { requestAnimationFrame((ts) => { window.__frameTimes.push(ts); tick(); }); })();
            box.addEventListener('input', () => {
              const start = t0, handled = performance.now();
              requestAnimationFrame(() => {
                const ch = new MessageChannel();
                ch.port1.onmessage = () => {
                  const now = performance.now();
                  window.__keyPaint.push({total: now - start, delivered: handled - start, painted: now - handled, t0: start});
                };
                ch.port2.postMessage(0);
              });
            });""")
        words = ["python", "college 7", "first aid level 3"]

        def type_words(pause):
            D.execute_script("window.__searchTimings = []; window.__keyPaint = []")
            for word in words:
                box.clear()
                time.sleep(0.3)
                for ch in word:
                    box.send_keys(ch)
                    time.sleep(pause)
                box.send_keys(Keys.BACKSPACE)
                time.sleep(pause)
            time.sleep(0.3)

        # First as fast as WebDriver sends keys (each key lands while the one before is still
        # on its way: a stress figure), then at a fast typist's pace (150 words a minute, one
        # key every 80 ms): what the learner feels, and what the target is judged on.
        type_words(0)
        stress = sorted(x["total"] for x in D.execute_script("return window.__keyPaint"))
        type_words(0.08)
        t = D.execute_script("return window.__searchTimings")
        sync = sorted(x["sync"] for x in t)
        frame = sorted(x["frame"] for x in t)
        pct = lambda a, q: a[min(len(a) - 1, int(q * len(a)))]
        via = sorted({x["via"] for x in t})
        if os.environ.get("BENCH_VERBOSE"):
            for x in t:
                print(f"  {x['q']!r:24} match {x['match']:5.1f} ms, in DOM {x['sync']:5.1f} ms, frame {x['frame']:6.1f} ms")
        print(f"search over {n} badges ({'/'.join(via)}), {len(t)} keystrokes: keystroke -> results in DOM "
              f"median {pct(sync, .5):.2f} ms, p95 {pct(sync, .95):.2f} ms, max {sync[-1]:.2f} ms; "
              f"keystroke -> next painted frame median {pct(frame, .5):.2f} ms, p95 {pct(frame, .95):.2f} ms, "
              f"max {frame[-1]:.2f} ms")
        kp = D.execute_script("return window.__keyPaint")
        painted = sorted(x["total"] for x in kp)
        delivered = sorted(x["delivered"] for x in kp)
        handled = sorted(x["painted"] for x in kp)
        frames = D.execute_script("return window.__frameTimes")
        # A frame that began after the page got the keystroke (its search started) and before
        # the results were in the DOM was drawn without them.
        late = sum(1 for r in t if any(r["at"] - r["sync"] < f < r["at"] for f in frames))
        print(f"results in the first frame drawn after the page got their keystroke (one key every 80 ms): "
              f"{len(t) - late} of {len(t)} keystrokes; {late} waited for a later frame")
        print(f"keystrokes sent back to back (stress), keydown -> results painted, {len(stress)} keystrokes: "
              f"median {pct(stress, .5):.2f} ms, p95 {pct(stress, .95):.2f} ms, max {stress[-1]:.2f} ms")
        print(f"keystroke (keydown timestamp) -> results painted, one key every 80 ms, {len(painted)} keystrokes: "
              f"median {pct(painted, .5):.2f} ms, p95 {pct(painted, .95):.2f} ms, max {painted[-1]:.2f} ms; "
              f"of which keydown -> input handler median {pct(delivered, .5):.2f} ms, p95 {pct(delivered, .95):.2f} ms "
              f"and input handler -> painted median {pct(handled, .5):.2f} ms, p95 {pct(handled, .95):.2f} ms")
        xp = x_painted_keystrokes(words)
        if xp is None:
            print("keystroke -> results painted on the X display: not measured (no XTEST/DAMAGE, or python-xlib missing)")
        else:
            xl, missed = xp
            if xl:
                print(f"keystroke (XTEST key sent) -> results area repainted (XDamage), one key every 80 ms, "
                      f"{len(xl)} keystrokes: median {pct(xl, .5):.2f} ms, p95 {pct(xl, .95):.2f} ms, "
                      f"max {xl[-1]:.2f} ms; {missed} keys without a repaint within 500 ms")
        shot("bench-10000-search")
        lps = sorted(m["launch_to_paint"] for m in runs if m["launch_to_paint"] is not None)
        if lps:
            print(f"process launch -> gallery painted over {len(lps)} launches: median {lps[len(lps) // 2]:.0f} ms, "
                  f"max {lps[-1]:.0f} ms")
        ok_start = len(lps) == launches and lps[-1] < 1000
        ok_search = pct(painted, .95) < 16
        print(f"targets: launch -> gallery < 1000 ms every launch: {'met' if ok_start else 'NOT met'}; "
              f"keystroke -> results painted p95 < 16 ms: {'met' if ok_search else 'NOT met'}")
    finally:
        D.quit()
    return 0


def main():
    global ARGS, D
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", required=True)
    ap.add_argument("--driver", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--fixtures", required=True)
    ap.add_argument("--tmp", required=True)
    ap.add_argument("--axe", default="", help="axe-core's axe.min.js (scripts/install-deps.sh e2e)")
    ap.add_argument("--bench", action="store_true")
    ap.add_argument("--baker", default="", help="bench input maker (e2e/bake_badges.rs)")
    ap.add_argument("-k", default="")
    ARGS = ap.parse_args()
    if ARGS.bench:
        return bench()
    passed = failed = 0
    D = session()
    try:
        for t in TESTS:
            if ARGS.k and ARGS.k not in t.__name__:
                continue
            start = time.time()
            try:
                t()
                passed += 1
                print(f"PASS {t.__name__} ({time.time() - start:.1f} s)", flush=True)
            except Exception:
                failed += 1
                print(f"FAIL {t.__name__} ({time.time() - start:.1f} s)", flush=True)
                traceback.print_exc()
                try:
                    shot(f"FAILED-{t.__name__}")
                except Exception:
                    pass
    finally:
        D.quit()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
