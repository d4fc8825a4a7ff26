<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>CheckInGate</name>
    <message>
        <source>0 means {low}, 10 means {high}. Use the arrow keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no right answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{v} of 10</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistGate</name>
    <message>
        <source>Tick what is done; the rest can wait.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeEdit</name>
    <message>
        <source>Practice text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The practice in YAML. Problems are listed beside the text; Ctrl+Space suggests keys and step kinds; Ctrl+Tab moves on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Completer</name>
    <message>
        <source>Suggestions</source>
        <extracomment>Keys inside each mapping that is not a step. Values offered after ``key:``.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Begin practice</source>
        <extracomment>Words before each kind of step in &quot;Steps at a glance&quot; (translated by the pane). &quot;Duplicate and edit&quot; (the button shows once something listens: see ``can_duplicate``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate and edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make your own copy of this practice and open it in the editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps at a glance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one from the list to read about it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anytime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {author}, verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {author}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begin {title}, about {length}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(+{n} more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supported by several good-quality trials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supported by at least one randomised trial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early or mixed findings; promising, not settled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long-used practice; little formal research so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety: {note}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Your pack is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key&apos;s fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first time your client opens a pack from you, their app shows this fingerprint. You might read it out to them, or send it another way, so they can check it matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies the fingerprint to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorLauncher</name>
    <message>
        <source>New practice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit practice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}” could not be copied ({error}); here is a new practice instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}” is not one of your own practices, so this is your copy of it; the original stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Problems</source>
        <extracomment>Milliseconds of quiet typing before the text is checked.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter on a problem to go to its line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to your practices (Ctrl+S); it then appears in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}, column {col}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint: {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems — ready to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{e} error(s), {w} warning(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A program over {n} day(s): it schedules practices, so there are no steps to list or preview here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}[*] — Practice editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the marked problems first; then the draft can play.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing the last version without errors; the marked lines are not in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your changes to this practice before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndView</name>
    <message>
        <source>Practise again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You took a minute to land</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for taking this time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping is always okay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You practised {title} for {length}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You spent {length} with {title}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer is kept with this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} answers kept with this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a moment before you move on. You might notice how you feel now — there&apos;s no need to change it. When you&apos;re ready, come back gently.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gate</name>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this and go on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Guidance</name>
    <message>
        <source>Guidance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <source>Get help now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you are in danger, or might act on thoughts of harming yourself, please call your local emergency number now. You deserve support, and reaching out is a strong thing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app is not monitored. Nobody sees what you write here, and nobody will be alerted — so if you need someone, please reach out directly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app is not monitored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can add your clinic&apos;s after-hours number under “Edit this list”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this list of help lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clinic (after hours)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Open a pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the pack holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” — version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {who}. Signed by {signer}, verified: you have trusted this key before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {who}. This is the first pack you have opened from {signer}&apos;s key. Before you trust it, you might check this fingerprint with your therapist — it should match the one they see:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pack is not signed, so there is no way to know who it is from. Nothing will be imported. You might ask your therapist for a signed pack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds the pack&apos;s practices to your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update from version {old} to {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already have version {old}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have version {old} of this pack; this file is version {new}, which is older, so it cannot replace it. Nothing will change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {length}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>length not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} practice(s), {m} program(s), {a} audio file(s) ({size}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in your library from elsewhere: {ids}. Your own practices come first; the pack&apos;s take the place of built-in ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pack was not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was added to your library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} changed while it was open, so it was not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it again to see what it holds now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already have “{name}” version {version}; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated “{name}” to version {version}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported “{name}”. Its practices are in your library now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalLink</name>
    <message>
        <source>Your journal is locked and stays closed for now. Practices still play; answers are not kept until you open it (More → Open your journal…).</source>
        <extracomment>Something was written (an answer, a practice, a session): views may refresh. Why the journal is not open (&quot;&quot; when it is, or before the first try). The message of the last failed write (&quot;&quot; when it went well).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal could not be opened ({error}). Practices still play, but answers are not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} could not be saved. {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} could not be saved ({error}). Practices still play; please try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record of this practice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Journey</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sessions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy and backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your journal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal isn&apos;t open, so sessions can&apos;t be kept just now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>First, your signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packs you share are signed with a key that belongs to you. Your client&apos;s app uses it to check that a pack really comes from you and that nothing in it changed on the way.

The key is made once and stays on this computer, in KAP Companion&apos;s data folder. Nothing is sent anywhere. Keep a backup of that folder: with a new key, your clients would need to confirm you again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, as your clients know you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name on packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown to clients when they open a pack from you, for example Dr. Sam Rivera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example, Dr. Sam Rivera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create my key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create my signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will be kept in {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key could not be saved in {folder} ({why}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the data folder can be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Search practices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type words from a title, summary or tag. Press Down to reach the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under 3 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 to 8 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 minutes or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grouped as Prepare, Anytime and Integrate. Press Enter to begin one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches yet. You might try fewer words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anytime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from {author}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>KAP Companion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get help now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens a list of help lines. Works offline. Shortcut F1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound, motion, text size, theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <extracomment>The interface language; the library shows practices in it where translated. The open journal (set by the journal&apos;s installer), or None.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More ▾</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your settings couldn&apos;t be saved in {folder}. They apply until you close the app. You might check that the folder exists and that you can write to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pacer</name>
    <message>
        <source>Breathing pacer</source>
        <extracomment>Smallest radius as a fraction of the largest (empty lungs still show a soft shape). Outer edge of the soft halo, as a multiple of the shape&apos;s radius.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(part {n} of {m})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{s} seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breathing pacer: {word}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>part {n} of {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breath {n} of {m}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Packs</name>
    <message>
        <source>Share with a client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KAP Companion packs (*.kappack)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not a KAP Companion pack, so nothing was opened. Packs end in .kappack: you can drop one here, or use More › Open a pack…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Open your journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on the passphrase lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off the passphrase lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal is locked with a passphrase. Enter it to see and keep your answers. You can also choose “Not now”: practices still play, and answers are not kept until the journal is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase you use now, then the new one twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your entries will be stored unencrypted on this computer again. Enter your passphrase to turn the lock off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand: if I forget this passphrase, my journal cannot be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on the lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off the lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new passphrase needs at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passphrases are not the same — please type them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please tick the box to say you understand that it cannot be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerEndings</name>
    <message>
        <source>Stop here? You&apos;ve been practising for {t}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerLayout</name>
    <message>
        <source>Get ready. Settle in; you can pause or stop any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begin now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the countdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart this step, or go to the one before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the sound off or on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower the volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Louder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise the volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I need to stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fade the sound and offer a minute of grounding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry on with the practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the practice now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That&apos;s okay. Stopping is always allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sound is fading. Would you like a minute to land? We&apos;ll feel the feet on the floor and the hands resting — nothing more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish without grounding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a minute to land</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A one-minute grounding: feet and hands</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <source>Unmute</source>
        <extracomment>Reads earlier answers saved by other practices (the journal provides it).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some sounds could not be loaded; the practice plays on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few sounds couldn&apos;t be loaded; the practice plays on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting in {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breathe gently, not deeply.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy and backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on the lock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off the lock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup is one file with your journal, settings, your own practices and imported packs. Keep it somewhere safe; it stays locked if your journal is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up everything…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal isn&apos;t open, so the lock can&apos;t be changed just now. Backups and restoring still work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal is locked with a passphrase: entries are encrypted on this computer, and the app asks for the passphrase when it opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal has no passphrase. It stays on this computer, readable by anyone who can use your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal is now locked. The app will ask for your passphrase each time it opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your passphrase is changed. Use the new one from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lock is off. Your journal opens without a passphrase now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be made. {why} Try a folder you can write to, such as your Documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up everything to {file}. Keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from {file}? Your journal, settings, own practices and packs are replaced by the ones in the backup. What is here now is kept first as a backup file in the backups folder of your data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from this backup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed. {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Progress through the practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{e} done, {r} to go</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>Import audio</source>
        <extracomment>``ask(title, text, [(key, label), ...], default_key) -&gt; chosen key`` (&quot;cancel&quot; on Esc). ``choose_audio() -&gt; path or None``.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Record your voice</source>
        <extracomment>Longest recording kept (a say step&apos;s clip, not a podcast).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Record and speak as you would to your client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This microphone&apos;s sound format is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone could not be opened. Is another app using it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording… press Stop when you have finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded {s:.1f} seconds. Listen back, record again, or use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReflectGate</name>
    <message>
        <source>What you wrote earlier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you wrote earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write as much or as little as you like…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter to continue. Only you can see this.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gentle reminders, only if you would like them. You can change or turn them off at any time, and a reminder you miss is simply let go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me to practise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders arrive as notifications while KAP Companion runs. Closing the window keeps it running in the tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no tray for KAP Companion to wait in, so reminders appear only while the app is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also a reminder from my session plan, at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session plan reminder time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind again after (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running in the tray when I close the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start quietly when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind again after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily times</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderRow</name>
    <message>
        <source>Reminder {n}: time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder {n}: {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove reminder {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>KAP Companion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open KAP Companion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me again in a little while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn reminders off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KAP Companion is still here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reminders will arrive from here. To quit, choose Quit in this icon&apos;s menu, or turn reminders off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsDialog</name>
    <message>
        <source>Your sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the dates of your KAP sessions, past or upcoming. Today uses them to suggest practices for the days around each one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one to change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new session date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys change the day; Alt+Down opens a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: first session, with Dr. Rivera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program for the days before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program for the days after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id} (not in your library)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this session date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session {n} · {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes to this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as done: Today shows the days after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not marked as done yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal isn&apos;t open, so sessions can&apos;t be saved just now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the changes to this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marking the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {title}? Your journal entries from around it are kept — only the date goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleting the session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breath cue volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background sound volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breath cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the practice suggests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brown noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ocean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breath cue style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft tones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read guidance aloud when there is no recorded voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud needs a system voice, which isn&apos;t available here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get-ready countdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 begins straight away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduce motion (a calm filling bar, no fades)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the stop rules again before every practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language shows fully the next time the app opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Riverside Clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After-hours number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic after-hours number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each row: a name, how to reach it, a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the suggested list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Save the pack</source>
        <extracomment>Asks where to save: (parent, suggested path) -&gt; chosen path, or None when cancelled.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KAP Companion packs (*.kappack)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share with a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practices and programs to share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Space to tick or untick the highlighted one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a practice to share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example, A calm start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name as your client knows you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice or clinic (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A personal message to your client (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here are the practices we tried together. Use them whenever it feels right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise it each time you share an updated pack, for example 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice or clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the signed pack file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from a pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed as {name} · fingerprint {fp}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key is made and kept on this computer. Its fingerprint is shown above; your clients may ask you about it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one practice to share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the pack a name, with some letters or digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who the pack is from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is longer than {n} characters; you might shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version should be a number like 1 or 2 (or 1.2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pack you are replacing there is version {old}. Raise the version so your client&apos;s app takes this one as an update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pack was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “{file}” in {folder}. It holds {n} practice(s) and {m} program(s). You can send it to your client however you usually share files. Tell them this fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the last version without errors — fix the marked lines to update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps with start times and lengths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a step to see its line, add a voice, or preview from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview from the chosen step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plays this draft in the player, starting at the chosen step. Nothing is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waits for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} steps · about {length} in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The steps appear here once the practice has no errors.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StopRules</name>
    <message>
        <source>Before you begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breathe gently, not deeply. Nothing here needs effort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you notice dizziness, tingling, air hunger, chest pain or panic, return to your natural breath. You can stop at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practise seated or lying down — never while driving or in water.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds are always optional: you can breathe through them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can pause or stop at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t show this again for this practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now, back to the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand, begin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <extracomment>Gentle practices offered when no session is planned (those in the library, in order).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your intention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested for today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions, not tasks — choose what feels right, or simply rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you know the date of your next KAP session, you might add it here. Today will then offer a few gentle practices for the days before and after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a session date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For any moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sessions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, change or remove your session dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;ve had my session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark today&apos;s session as done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today then suggests the practices for after your session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show how many days in a row I have practised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off by default. A gap is never counted against you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — not in your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ {title}{length} — done today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ {title}{length}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, done today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s plan could not be read from your journal ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal isn&apos;t open, so your sessions and today&apos;s plan can&apos;t be shown. Every practice still plays from the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your intention: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You&apos;ve done each of today&apos;s suggestions. Resting is part of it too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program “{names}” isn&apos;t in your library, so it can&apos;t suggest practices. You can choose another in Your sessions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marking your session as done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoiceActions</name>
    <message>
        <source>Choose a guidance (say) step first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the marked problems first, so the voice goes to the right step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clip was saved, but the text could not be changed: {e}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {n} now plays your voice ({s:.1f} s; {t:.1f} s of silence trimmed, levelled to match the bells).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not a supported audio file. Please choose a WAV, OGG, FLAC or MP3 file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” could not be read as audio — the file may be damaged. Try exporting it again as WAV, OGG, FLAC or MP3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording seems to be silent. Check that the right microphone was chosen, or import another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording is too short to use (under a fifth of a second of sound). Please record or import a longer clip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clip could not be saved in {name}. Check there is free space and that the folder can be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {n} shows its words again, without a voice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoicePanel</name>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No microphone found — you can import a recording instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a voice clip for this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import audio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an audio file for this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV, OGG, FLAC or MP3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this step&apos;s voice clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a microphone, record, listen back, then use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a guidance (say) step to give it your voice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {n} is not a guidance step; only say steps carry a voice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {n} plays your clip “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {n} has no voice yet; its words are shown on screen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Restore</source>
        <extracomment>(parent, title, suggested path) -&gt; the chosen path, or &quot;&quot; when cancelled.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Reminders…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
