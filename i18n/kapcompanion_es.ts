<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>BeforeAfterBox</name>
    <message>
        <source>Before your session</source>
        <extracomment>Reflections this many days after a session sit beside its intention (as in the export).</extracomment>
        <translation>Antes de tu sesión</translation>
    </message>
    <message>
        <source>After it</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Session {0}, {1}</source>
        <translation>Sesión {0}, {1}</translation>
    </message>
    <message>
        <source>No intention was written for this session.</source>
        <translation>No se escribió ninguna intención para esta sesión.</translation>
    </message>
    <message>
        <source>…and {0} more in your journal</source>
        <translation>…y {0} más en tu diario</translation>
    </message>
    <message>
        <source>Nothing written after it yet.</source>
        <translation>Aún no hay nada escrito después.</translation>
    </message>
    <message>
        <source>Before and after your session</source>
        <translation>Antes y después de tu sesión</translation>
    </message>
    <message>
        <source>Before: {0}. After: {1}</source>
        <translation>Antes: {0}. Después: {1}</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Show as a table</source>
        <extracomment>The check-in chart&apos;s ranges: label key -&gt; days back (None: everything).</extracomment>
        <translation>Ver como tabla</translation>
    </message>
    <message>
        <source>Show {0} as a table</source>
        <translation>Ver {0} como tabla</translation>
    </message>
    <message>
        <source>{0}, as a table</source>
        <translation>{0}, como tabla</translation>
    </message>
    <message>
        <source>Show as a chart</source>
        <translation>Ver como gráfico</translation>
    </message>
</context>
<context>
    <name>CheckInGate</name>
    <message>
        <source>0 means {low}, 10 means {high}. Use the arrow keys.</source>
        <translation>0 significa {low} y 10 significa {high}. Puedes usar las flechas del teclado.</translation>
    </message>
    <message>
        <source>There is no right answer.</source>
        <translation>No hay respuestas correctas.</translation>
    </message>
    <message>
        <source>{v} of 10</source>
        <translation>{v} de 10</translation>
    </message>
</context>
<context>
    <name>CheckinChart</name>
    <message>
        <source>Check-in scores over time</source>
        <translation>Tus registros a lo largo del tiempo</translation>
    </message>
    <message>
        <source>No check-in scores in these dates yet.</source>
        <translation>Aún no hay puntuaciones de registros en estas fechas.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Score (0–10)</source>
        <translation>Puntuación (0–10)</translation>
    </message>
    <message>
        <source>Sessions marked: {0}</source>
        <translation>Sesiones marcadas: {0}</translation>
    </message>
    <message>
        <source>{0} — 1 score, {1}</source>
        <translation>{0} — 1 puntuación, {1}</translation>
    </message>
    <message>
        <source>{0} — {1} scores, first {2}, latest {3}</source>
        <translation>{0} — {1} puntuaciones, la primera {2}, la última {3}</translation>
    </message>
</context>
<context>
    <name>CheckinNames</name>
    <message>
        <source>connected to your session</source>
        <translation>conexión con tu sesión</translation>
    </message>
    <message>
        <source>close to: relationships</source>
        <translation>cerca de: relaciones</translation>
    </message>
    <message>
        <source>close to: work</source>
        <translation>cerca de: trabajo</translation>
    </message>
    <message>
        <source>close to: health</source>
        <translation>cerca de: salud</translation>
    </message>
    <message>
        <source>close to: meaning</source>
        <translation>cerca de: sentido</translation>
    </message>
    <message>
        <source>WHO-5: cheerful</source>
        <translation>WHO-5: alegría</translation>
    </message>
    <message>
        <source>WHO-5: calm</source>
        <translation>WHO-5: tranquilidad</translation>
    </message>
    <message>
        <source>WHO-5: active</source>
        <translation>WHO-5: energía</translation>
    </message>
    <message>
        <source>WHO-5: rested</source>
        <translation>WHO-5: descanso</translation>
    </message>
    <message>
        <source>WHO-5: interested</source>
        <translation>WHO-5: interés</translation>
    </message>
    <message>
        <source>feeling grounded after a session</source>
        <extracomment>Names for the check-ins of the built-in library (their ``save_as``), for translation.</extracomment>
        <translation>presencia tras la sesión</translation>
    </message>
</context>
<context>
    <name>ChecklistGate</name>
    <message>
        <source>Tick what is done; the rest can wait.</source>
        <translation>Marca lo que ya está hecho; lo demás puede esperar.</translation>
    </message>
</context>
<context>
    <name>CodeEdit</name>
    <message>
        <source>Practice text</source>
        <translation>Texto de la práctica</translation>
    </message>
    <message>
        <source>The practice in YAML. Problems are listed beside the text; Ctrl+Space suggests keys and step kinds; Ctrl+Tab moves on.</source>
        <translation>La práctica en YAML. Los problemas aparecen junto al texto; Ctrl+Espacio sugiere claves y tipos de paso; Ctrl+Tab pasa a lo siguiente.</translation>
    </message>
</context>
<context>
    <name>Completer</name>
    <message>
        <source>Suggestions</source>
        <extracomment>Keys inside each mapping that is not a step. Values offered after ``key:``.</extracomment>
        <translation>Sugerencias</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>dddd d MMMM yyyy</source>
        <extracomment>A Qt date pattern: dddd weekday, d day, MMMM month, yyyy year; &apos;text&apos; in quotes is kept.</extracomment>
        <translation>dddd, d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>d MMMM</source>
        <extracomment>A Qt date pattern: d day, MMMM month; &apos;text&apos; in quotes is kept.</extracomment>
        <translation>d &apos;de&apos; MMMM</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <extracomment>A Qt date pattern: d day, MMMM month, yyyy year; &apos;text&apos; in quotes is kept.</extracomment>
        <translation>d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <extracomment>A Qt date pattern: MMMM month, yyyy year; &apos;text&apos; in quotes is kept.</extracomment>
        <translation>MMMM &apos;de&apos; yyyy</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Begin practice</source>
        <extracomment>Words before each kind of step in &quot;Steps at a glance&quot; (translated by the pane). A step&apos;s line is cut (with &quot;…&quot;) after this many characters. &quot;Duplicate and edit&quot; (the button shows once something listens: see ``can_duplicate``).</extracomment>
        <translation>Empezar la práctica</translation>
    </message>
    <message>
        <source>Duplicate and edit</source>
        <translation>Duplicar y editar</translation>
    </message>
    <message>
        <source>Make your own copy of this practice and open it in the editor.</source>
        <translation>Haz tu propia copia de esta práctica y ábrela en el editor.</translation>
    </message>
    <message>
        <source>Steps at a glance</source>
        <translation>Los pasos de un vistazo</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>Choose a practice</source>
        <translation>Elige una práctica</translation>
    </message>
    <message>
        <source>Pick one from the list to read about it.</source>
        <translation>Elige una de la lista para leer sobre ella.</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>Preparar</translation>
    </message>
    <message>
        <source>Anytime</source>
        <translation>Cuando quieras</translation>
    </message>
    <message>
        <source>Integrate</source>
        <translation>Integrar</translation>
    </message>
    <message>
        <source>From {author}, verified</source>
        <translation>De {author}, verificado</translation>
    </message>
    <message>
        <source>From {author}</source>
        <translation>De {author}</translation>
    </message>
    <message>
        <source>your own</source>
        <translation>tuya</translation>
    </message>
    <message>
        <source>Begin {title}, about {length}</source>
        <translation>Empezar {title}, alrededor de {length}</translation>
    </message>
    <message>
        <source>Guidance: {title}</source>
        <translation>Guía: {title}</translation>
    </message>
    <message>
        <source>Quiet: {title}</source>
        <translation>Silencio: {title}</translation>
    </message>
    <message>
        <source>Write: {title}</source>
        <translation>Escribir: {title}</translation>
    </message>
    <message>
        <source>Check in: {title}</source>
        <translation>Registro: {title}</translation>
    </message>
    <message>
        <source>Checklist: {title}</source>
        <translation>Lista: {title}</translation>
    </message>
    <message>
        <source>A bell</source>
        <translation>Una campana</translation>
    </message>
    <message>
        <source>(+{n} more)</source>
        <translation>(+{n} más)</translation>
    </message>
    <message>
        <source>Supported by several good-quality trials.</source>
        <translation>Respaldada por varios ensayos de buena calidad.</translation>
    </message>
    <message>
        <source>Supported by at least one randomised trial.</source>
        <translation>Respaldada por al menos un ensayo aleatorizado.</translation>
    </message>
    <message>
        <source>Early or mixed findings; promising, not settled.</source>
        <translation>Resultados iniciales o dispares; prometedora, aún sin confirmar.</translation>
    </message>
    <message>
        <source>Long-used practice; little formal research so far.</source>
        <translation>Práctica de uso tradicional; por ahora hay poca investigación formal.</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Sólida</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderada</translation>
    </message>
    <message>
        <source>Emerging</source>
        <translation>Emergente</translation>
    </message>
    <message>
        <source>Traditional</source>
        <translation>Tradicional</translation>
    </message>
    <message>
        <source>Safety: {note}</source>
        <translation>Seguridad: {note}</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Your pack is ready</source>
        <translation>Tu paquete está listo</translation>
    </message>
    <message>
        <source>Your key&apos;s fingerprint</source>
        <translation>La huella de tu clave</translation>
    </message>
    <message>
        <source>The first time your client opens a pack from you, their app shows this fingerprint. You might read it out to them, or send it another way, so they can check it matches.</source>
        <translation>La primera vez que tu cliente abra un paquete tuyo, su app mostrará esta huella. Puedes leérsela en voz alta o enviársela por otro medio, para que compruebe que coincide.</translation>
    </message>
    <message>
        <source>Copy fingerprint</source>
        <translation>Copiar la huella</translation>
    </message>
    <message>
        <source>Copies the fingerprint to the clipboard</source>
        <translation>Copia la huella al portapapeles</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>DraftNotice</name>
    <message>
        <source>You were writing in “{title}” when it last closed. Your words are kept for you.</source>
        <translation>Estabas escribiendo en «{title}» cuando se cerró. Tus palabras siguen guardadas para ti.</translation>
    </message>
    <message>
        <source>Go back to it</source>
        <translation>Volver ahí</translation>
    </message>
    <message>
        <source>Go back to what you were writing</source>
        <translation>Volver a lo que estabas escribiendo</translation>
    </message>
</context>
<context>
    <name>EditorLauncher</name>
    <message>
        <source>New practice…</source>
        <translation>Nueva práctica…</translation>
    </message>
    <message>
        <source>Open practice file…</source>
        <translation>Abrir un archivo de práctica…</translation>
    </message>
    <message>
        <source>Edit practice…</source>
        <translation>Editar la práctica…</translation>
    </message>
    <message>
        <source>Open a practice file</source>
        <translation>Abrir un archivo de práctica</translation>
    </message>
    <message>
        <source>Practice files (*.yaml *.yml);;All files (*)</source>
        <translation>Archivos de práctica (*.yaml *.yml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>“{name}” could not be opened ({error}).</source>
        <translation>No se pudo abrir “{name}” ({error}).</translation>
    </message>
    <message>
        <source>Editing {path} where it is; Save writes back to this file.</source>
        <translation>Editando {path} donde está; Guardar escribe en este mismo archivo.</translation>
    </message>
    <message>
        <source>“{title}” could not be copied ({error}); here is a new practice instead.</source>
        <translation>No se pudo copiar “{title}” ({error}); aquí tienes una práctica nueva en su lugar.</translation>
    </message>
    <message>
        <source>“{title}” is not one of your own practices, so this is your copy of it; the original stays as it is.</source>
        <translation>“{title}” no es una de tus prácticas, así que esta es tu copia; la original se queda como está.</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Problems</source>
        <extracomment>Milliseconds of quiet typing before the text is checked. A practice file outside the practices folder, edited in place (&quot;Open file…&quot;).</extracomment>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Press Enter on a problem to go to its line.</source>
        <translation>Pulsa Intro sobre un problema para ir a su línea.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save to your practices (Ctrl+S); it then appears in the library.</source>
        <translation>Guardar en tus prácticas (Ctrl+S); después aparece en la biblioteca.</translation>
    </message>
    <message>
        <source>Close editor</source>
        <translation>Cerrar el editor</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Revisar ahora</translation>
    </message>
    <message>
        <source>Go to problems</source>
        <translation>Ir a los problemas</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>line {line}, column {col}</source>
        <translation>línea {line}, columna {col}</translation>
    </message>
    <message>
        <source>whole file</source>
        <translation>todo el archivo</translation>
    </message>
    <message>
        <source>Hint: {hint}</source>
        <translation>Pista: {hint}</translation>
    </message>
    <message>
        <source>No problems — ready to save.</source>
        <translation>Sin problemas: se puede guardar.</translation>
    </message>
    <message>
        <source>{e} error(s), {w} warning(s)</source>
        <translation>{e} error(es), {w} aviso(s)</translation>
    </message>
    <message>
        <source>A program over {n} day(s): it schedules practices, so there are no steps to list or preview here.</source>
        <translation>Un programa de {n} día(s): organiza prácticas, así que aquí no hay pasos que mostrar ni previsualizar.</translation>
    </message>
    <message>
        <source>New practice</source>
        <translation>Nueva práctica</translation>
    </message>
    <message>
        <source>Editing: {title}</source>
        <translation>Editando: {title}</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>sin título</translation>
    </message>
    <message>
        <source>{name}[*] — Practice editor</source>
        <translation>{name}[*] — Editor de prácticas</translation>
    </message>
    <message>
        <source>Fix the marked problems first; then the draft can play.</source>
        <translation>Primero corrige los problemas marcados; después el borrador se podrá reproducir.</translation>
    </message>
    <message>
        <source>Playing the last version without errors; the marked lines are not in it.</source>
        <translation>Se reproduce la última versión sin errores; las líneas marcadas no están incluidas.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save your changes to this practice before closing?</source>
        <translation>¿Quieres guardar los cambios de esta práctica antes de cerrar?</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>EndView</name>
    <message>
        <source>Practise again</source>
        <translation>Practicar de nuevo</translation>
    </message>
    <message>
        <source>Back to the library</source>
        <translation>Volver a la biblioteca</translation>
    </message>
    <message>
        <source>You took a minute to land</source>
        <translation>Te has tomado un minuto para aterrizar</translation>
    </message>
    <message>
        <source>Thank you for taking this time</source>
        <translation>Gracias por darte este tiempo</translation>
    </message>
    <message>
        <source>Stopping is always okay</source>
        <translation>Parar siempre está bien</translation>
    </message>
    <message>
        <source>You practised {title} for {length}.</source>
        <translation>Has practicado {title} durante {length}.</translation>
    </message>
    <message>
        <source>You spent {length} with {title}.</source>
        <translation>Has pasado {length} con {title}.</translation>
    </message>
    <message>
        <source>Your answer is kept with this session.</source>
        <translation>Tu respuesta se guarda con esta sesión.</translation>
    </message>
    <message>
        <source>{n} answers kept with this session.</source>
        <translation>{n} respuestas guardadas con esta sesión.</translation>
    </message>
    <message>
        <source>Take a moment before you move on. You might notice how you feel now — there&apos;s no need to change it. When you&apos;re ready, come back gently.</source>
        <translation>Puedes tomarte un momento antes de seguir. Quizás notes cómo te sientes ahora; no hace falta cambiarlo. Cuando quieras, vuelve con suavidad.</translation>
    </message>
</context>
<context>
    <name>EntryDrafts</name>
    <message>
        <source>You were changing this entry last time; your words are back. Save changes to keep them.</source>
        <translation>La última vez estabas cambiando esta entrada; tus palabras han vuelto. Guarda los cambios para conservarlas.</translation>
    </message>
    <message>
        <source>Let them go</source>
        <translation>Dejarlas ir</translation>
    </message>
    <message>
        <source>Let go of the changes and show what is saved</source>
        <translation>Dejar ir los cambios y mostrar lo guardado</translation>
    </message>
</context>
<context>
    <name>EntryListModel</name>
    <message>
        <source>Session {0}</source>
        <extracomment>Entries read when the list opens or a search answers (a screen holds about ten). Entries read each time the list scrolls near its end. What reading or writing the journal can raise (the store&apos;s own errors, and SQLite&apos;s when the file goes away under the app). The last problem met while reading more (shown by the view), or &quot;&quot;.</extracomment>
        <translation>Sesión {0}</translation>
    </message>
    <message>
        <source>Today — {0}</source>
        <translation>Hoy — {0}</translation>
    </message>
    <message>
        <source>Yesterday — {0}</source>
        <translation>Ayer — {0}</translation>
    </message>
    <message>
        <source>Your own words</source>
        <translation>Tus propias palabras</translation>
    </message>
    <message>
        <source>(nothing written)</source>
        <translation>(nada escrito)</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Reflexión</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Your note</source>
        <translation>Tu nota</translation>
    </message>
</context>
<context>
    <name>EntryPane</name>
    <message>
        <source>Choose an entry to read it here.</source>
        <extracomment>Asks before deleting (replaceable where no person is there to answer).</extracomment>
        <translation>Elige una entrada para leerla aquí.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>A title, if you like</source>
        <translation>Un título, si quieres</translation>
    </message>
    <message>
        <source>Your words</source>
        <translation>Tus palabras</translation>
    </message>
    <message>
        <source>Score from 0 to 10</source>
        <translation>Puntuación de 0 a 10</translation>
    </message>
    <message>
        <source>Score (0–10)</source>
        <translation>Puntuación (0–10)</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <source>Save changes to this entry</source>
        <translation>Guardar los cambios de esta entrada</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Borrar…</translation>
    </message>
    <message>
        <source>Delete this entry</source>
        <translation>Borrar esta entrada</translation>
    </message>
    <message>
        <source>Asks before anything is removed.</source>
        <translation>Te pregunta antes de borrar nada.</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué ha pasado</translation>
    </message>
    <message>
        <source>Save your changes?</source>
        <translation>¿Quieres guardar los cambios?</translation>
    </message>
    <message>
        <source>You changed this entry. Save the changes before moving on?</source>
        <translation>Has cambiado esta entrada. ¿Quieres guardar los cambios antes de seguir?</translation>
    </message>
    <message>
        <source>There are no words to save. To remove the entry, use Delete.</source>
        <translation>No hay palabras que guardar. Para quitar la entrada, usa Borrar.</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>No se guardó: {0}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Delete this entry?</source>
        <translation>¿Borrar esta entrada?</translation>
    </message>
    <message>
        <source>This entry will be removed from your journal for good.</source>
        <translation>Esta entrada se borrará de tu diario para siempre.</translation>
    </message>
    <message>
        <source>Kept — nothing was deleted.</source>
        <translation>Se conserva: no se borró nada.</translation>
    </message>
    <message>
        <source>Not deleted: {0}</source>
        <translation>No se borró: {0}</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Borrado</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Save the export</source>
        <extracomment>Asks where to save: (parent, suggested path, format) -&gt; chosen path or None.</extracomment>
        <translation>Guardar la exportación</translation>
    </message>
    <message>
        <source>Export for my therapist</source>
        <extracomment>Asks where to save (replaceable where no person is there to answer).</extracomment>
        <translation>Exportar para mi terapeuta</translation>
    </message>
    <message>
        <source>Choose what to share. Untick anything you would rather keep to yourself — it is left out of the file completely. Nothing is sent anywhere: you choose where the file is saved.</source>
        <translation>Elige qué compartir. Desmarca lo que prefieras guardar para ti: se queda completamente fuera del archivo. No se envía nada a ningún sitio: tú eliges dónde se guarda el archivo.</translation>
    </message>
    <message>
        <source>Markdown (plain text)</source>
        <translation>Markdown (texto sin formato)</translation>
    </message>
    <message>
        <source>PDF (a tidy summary)</source>
        <translation>PDF (un resumen ordenado)</translation>
    </message>
    <message>
        <source>What to include</source>
        <translation>Qué incluir</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Between two dates</source>
        <translation>Entre dos fechas</translation>
    </message>
    <message>
        <source>One session</source>
        <translation>Una sesión</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Incluir</translation>
    </message>
    <message>
        <source>Entries to include</source>
        <translation>Entradas que se incluirán</translation>
    </message>
    <message>
        <source>Each ticked entry goes into the file. Press Space to untick one.</source>
        <translation>Cada entrada marcada va al archivo. Pulsa Espacio para desmarcar una.</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué ha pasado</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>Marcar todas</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>Desmarcar todas</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Choose where to save the file</source>
        <translation>Elige dónde guardar el archivo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>There are no sessions in your journal yet.</source>
        <translation>Aún no hay sesiones en tu diario.</translation>
    </message>
    <message>
        <source>{0} of {1} entries will be included — {2}</source>
        <translation>Se incluirán {0} de {1} entradas — {2}</translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>Sin entradas</translation>
    </message>
    <message>
        <source>The file was not saved: {0}</source>
        <translation>El archivo no se guardó: {0}</translation>
    </message>
    <message>
        <source>Saved {0} with {1} entries.</source>
        <translation>Se guardó {0} con {1} entradas.</translation>
    </message>
    <message>
        <source>Saved {0} with 1 entry.</source>
        <translation>Se guardó {0} con 1 entrada.</translation>
    </message>
    <message>
        <source>Your journal isn&apos;t open</source>
        <translation>Tu diario no está abierto</translation>
    </message>
    <message>
        <source>There is nothing to export until your journal can be opened.</source>
        <translation>No hay nada que exportar hasta que se pueda abrir tu diario.</translation>
    </message>
</context>
<context>
    <name>FileVoice</name>
    <message>
        <source>This practice is not in English. The built-in voice speaks English only, and no voice on this computer can record this practice&apos;s language into a file, so the file has its bells and sounds but no spoken guidance.</source>
        <translation>Esta práctica no está en inglés. La voz incluida solo habla inglés y ninguna voz de este equipo puede grabar el idioma de esta práctica en un archivo, así que el archivo tiene sus campanas y sonidos, pero no la guía hablada.</translation>
    </message>
</context>
<context>
    <name>Gate</name>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Save this and go on</source>
        <translation>Guardar y seguir</translation>
    </message>
    <message>
        <source>You were writing this last time. Would you like to keep it?</source>
        <translation>Esto es lo que estabas escribiendo la última vez. ¿Quieres conservarlo?</translation>
    </message>
    <message>
        <source>You had started answering this last time. Would you like to keep it?</source>
        <translation>La última vez empezaste a responder esto. ¿Quieres conservar tu respuesta?</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Conservarlo</translation>
    </message>
    <message>
        <source>Keep what you wrote</source>
        <translation>Conservar lo que escribiste</translation>
    </message>
    <message>
        <source>Let it go</source>
        <translation>Dejarlo ir</translation>
    </message>
    <message>
        <source>Let go of what you wrote and start afresh</source>
        <translation>Dejar ir lo que escribiste y empezar de nuevo</translation>
    </message>
</context>
<context>
    <name>Guidance</name>
    <message>
        <source>Guidance</source>
        <extracomment>A step&apos;s title in the list is cut (with &quot;…&quot;) after this many characters. Guidance longer than this many lines is set smaller, so the pacer keeps its room.</extracomment>
        <translation>Guía</translation>
    </message>
</context>
<context>
    <name>HelpLines</name>
    <message>
        <source>Find a helpline</source>
        <translation>Encuentra una línea de ayuda</translation>
    </message>
    <message>
        <source>Free, confidential helplines in your country.</source>
        <translation>Líneas de ayuda gratuitas y confidenciales en tu país.</translation>
    </message>
    <message>
        <source>Away from home?</source>
        <translation>¿Estás fuera de tu país?</translation>
    </message>
    <message>
        <source>Free, confidential helplines in other countries.</source>
        <translation>Líneas de ayuda gratuitas y confidenciales en otros países.</translation>
    </message>
    <message>
        <source>Psychedelic peer support — not a crisis line; limited hours.</source>
        <translation>Apoyo entre pares para experiencias psicodélicas — no es una línea de crisis; horario limitado.</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Estados Unidos</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergencias</translation>
    </message>
    <message>
        <source>If you or someone else is in danger right now.</source>
        <translation>Si tu vida o la de otra persona corre peligro ahora mismo.</translation>
    </message>
    <message>
        <source>988 Suicide &amp; Crisis Lifeline</source>
        <translation>Línea 988 de Prevención del Suicidio y Crisis</translation>
    </message>
    <message>
        <source>Call or text, any time. In Spanish: call 988 and press 2, or text AYUDA to 988.</source>
        <translation>Llama o escribe un mensaje de texto, a cualquier hora. En español: llama al 988 y marca 2, o envía AYUDA por mensaje de texto al 988.</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canadá</translation>
    </message>
    <message>
        <source>9-8-8 Suicide Crisis Helpline</source>
        <translation>9-8-8: línea de ayuda en crisis suicidas</translation>
    </message>
    <message>
        <source>Call or text, any time, in English or French.</source>
        <translation>Llama o escribe un mensaje de texto, a cualquier hora, en inglés o en francés.</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>España</translation>
    </message>
    <message>
        <source>024 Suicidal behaviour helpline</source>
        <translation>024 Línea de atención a la conducta suicida</translation>
    </message>
    <message>
        <source>Free and confidential, any time, day or night.</source>
        <translation>Gratuita y confidencial, a cualquier hora del día o de la noche.</translation>
    </message>
    <message>
        <source>Mexico</source>
        <translation>México</translation>
    </message>
    <message>
        <source>Línea de la Vida</source>
        <translation>Línea de la Vida</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Reino Unido</translation>
    </message>
    <message>
        <source>Free, any time, day or night.</source>
        <translation>Gratuita, a cualquier hora del día o de la noche.</translation>
    </message>
    <message>
        <source>Urgent help that is not an emergency. In a mental health crisis in England, choose the mental health option.</source>
        <translation>Ayuda urgente cuando no es una emergencia. En una crisis de salud mental en Inglaterra, elige la opción de salud mental.</translation>
    </message>
    <message>
        <source>Another country</source>
        <translation>Otro país</translation>
    </message>
    <message>
        <source>Local emergency number</source>
        <translation>Número de emergencias local</translation>
    </message>
    <message>
        <source>112 · 911 · 999 — whichever serves where you are</source>
        <translation>112 · 911 · 999 — el que corresponda donde estés</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <source>Get help now</source>
        <translation>Ayuda ahora</translation>
    </message>
    <message>
        <source>If you are in danger, or might act on thoughts of harming yourself, please call your local emergency number now. You deserve support, and reaching out is a strong thing to do.</source>
        <translation>Si estás en peligro, o podrías actuar según pensamientos de hacerte daño, por favor, llama ahora al número de emergencias de tu zona. Mereces apoyo, y pedir ayuda es un gesto de fortaleza.</translation>
    </message>
    <message>
        <source>This app is not monitored. Nobody sees what you write here, and nobody will be alerted — so if you need someone, please reach out directly.</source>
        <translation>Nadie supervisa esta app. Nadie ve lo que escribes aquí y no se avisará a nadie; así que, si necesitas a alguien, por favor, contacta directamente.</translation>
    </message>
    <message>
        <source>This app is not monitored</source>
        <translation>Nadie supervisa esta app</translation>
    </message>
    <message>
        <source>You can add your clinic&apos;s after-hours number under “Edit this list”.</source>
        <translation>Puedes añadir el número de tu clínica para fuera de horario en “Editar esta lista”.</translation>
    </message>
    <message>
        <source>Edit this list</source>
        <translation>Editar esta lista</translation>
    </message>
    <message>
        <source>Edit this list of help lines</source>
        <translation>Editar esta lista de líneas de ayuda</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close help</source>
        <translation>Cerrar la ayuda</translation>
    </message>
    <message>
        <source>Your clinic (after hours)</source>
        <translation>Tu clínica (fuera de horario)</translation>
    </message>
    <message>
        <source>Help lines for</source>
        <translation>Líneas de ayuda de</translation>
    </message>
    <message>
        <source>Shows the help lines of the country you choose</source>
        <translation>Muestra las líneas de ayuda del país que elijas</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>‹ Earlier month</source>
        <translation>‹ Mes anterior</translation>
    </message>
    <message>
        <source>Later month ›</source>
        <translation>Mes siguiente ›</translation>
    </message>
    <message>
        <source>Show the month before</source>
        <translation>Mostrar el mes anterior</translation>
    </message>
    <message>
        <source>Show the month after</source>
        <translation>Mostrar el mes siguiente</translation>
    </message>
    <message>
        <source>Chosen day</source>
        <translation>Día elegido</translation>
    </message>
    <message>
        <source>Arrow keys move by day and week; Page Up and Page Down by month.</source>
        <translation>Con las flechas te mueves por días y semanas; con Re Pág y Av Pág, por meses.</translation>
    </message>
    <message>
        <source>Dates shown</source>
        <translation>Fechas mostradas</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Último año</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Your journal isn&apos;t open</source>
        <translation>Tu diario no está abierto</translation>
    </message>
    <message>
        <source>Your history is drawn from your journal. Practices still play as usual.</source>
        <translation>Tu historial se crea a partir de tu diario. Las prácticas se pueden reproducir igualmente.</translation>
    </message>
    <message>
        <source>Session {0}</source>
        <translation>Sesión {0}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Open a pack</source>
        <translation>Abrir un paquete</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Huella de la clave</translation>
    </message>
    <message>
        <source>Their message</source>
        <translation>Su mensaje</translation>
    </message>
    <message>
        <source>Personal message</source>
        <translation>Mensaje personal</translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation>Qué contiene</translation>
    </message>
    <message>
        <source>What the pack holds</source>
        <translation>Qué contiene el paquete</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>“{name}” — version {version}</source>
        <translation>“{name}” — versión {version}</translation>
    </message>
    <message>
        <source>From {who}. Signed by {signer}, verified: you have trusted this key before.</source>
        <translation>De {who}. Firmado por {signer}, verificado: ya has confiado en esta clave antes.</translation>
    </message>
    <message>
        <source>Another key you trust has a name that looks the same. This key&apos;s fingerprint:</source>
        <translation>Otra clave en la que confías tiene un nombre que se ve igual. La huella de esta clave:</translation>
    </message>
    <message>
        <source>From {who}. This is the first pack you have opened from {signer}&apos;s key. Before you trust it, you might check this fingerprint with your therapist — it should match the one they see:</source>
        <translation>De {who}. Es el primer paquete que abres con la clave de {signer}. Antes de confiar en ella, puedes comprobar esta huella con tu terapeuta; debería coincidir con la que ve en su pantalla:</translation>
    </message>
    <message>
        <source>Trust and import</source>
        <translation>Confiar e importar</translation>
    </message>
    <message>
        <source>From {who}.</source>
        <translation>De {who}.</translation>
    </message>
    <message>
        <source>This pack is not signed, so there is no way to know who it is from. Nothing will be imported. You might ask your therapist for a signed pack.</source>
        <translation>Este paquete no está firmado, así que no hay forma de saber de quién viene. No se importará nada. Puedes pedirle a tu terapeuta un paquete firmado.</translation>
    </message>
    <message>
        <source>Adds the pack&apos;s practices to your library</source>
        <translation>Añade las prácticas del paquete a tu biblioteca</translation>
    </message>
    <message>
        <source>Update from version {old} to {new}</source>
        <translation>Actualizar de la versión {old} a la {new}</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>You already have version {old}</source>
        <translation>Ya tienes la versión {old}</translation>
    </message>
    <message>
        <source>Import again</source>
        <translation>Importar de nuevo</translation>
    </message>
    <message>
        <source>You have version {old} of this pack; this file is version {new}, which is older, so it cannot replace it. Nothing will change.</source>
        <translation>Tienes la versión {old} de este paquete; este archivo es la versión {new}, que es más antigua, así que no puede sustituirla. No cambiará nada.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>about {length}</source>
        <translation>alrededor de {length}</translation>
    </message>
    <message>
        <source>length not known yet</source>
        <translation>duración aún desconocida</translation>
    </message>
    <message>
        <source>Program: {title}</source>
        <translation>Programa: {title}</translation>
    </message>
    <message>
        <source>{n} practice(s), {m} program(s), {a} audio file(s) ({size}).</source>
        <translation>{n} práctica(s), {m} programa(s), {a} archivo(s) de audio ({size}).</translation>
    </message>
    <message>
        <source>Already in your library from elsewhere: {ids}. Your own practices come first; the pack&apos;s take the place of built-in ones.</source>
        <translation>Ya están en tu biblioteca desde otro origen: {ids}. Tus propias prácticas tienen prioridad; las del paquete ocupan el lugar de las incluidas en la app.</translation>
    </message>
    <message>
        <source>This pack was not imported</source>
        <translation>Este paquete no se importó</translation>
    </message>
    <message>
        <source>Nothing was added to your library.</source>
        <translation>No se añadió nada a tu biblioteca.</translation>
    </message>
    <message>
        <source>{file} changed while it was open, so it was not imported.</source>
        <translation>{file} cambió mientras estaba abierto, así que no se importó.</translation>
    </message>
    <message>
        <source>Open it again to see what it holds now.</source>
        <translation>Puedes abrirlo de nuevo para ver lo que contiene ahora.</translation>
    </message>
    <message>
        <source>You already have “{name}” version {version}; nothing changed.</source>
        <translation>Ya tienes “{name}” versión {version}; no ha cambiado nada.</translation>
    </message>
    <message>
        <source>Updated “{name}” to version {version}.</source>
        <translation>“{name}” se actualizó a la versión {version}.</translation>
    </message>
    <message>
        <source>Imported “{name}”. Its practices are in your library now.</source>
        <translation>“{name}” se importó. Sus prácticas ya están en tu biblioteca.</translation>
    </message>
</context>
<context>
    <name>IntentionCard</name>
    <message>
        <source>Your intention</source>
        <extracomment>The practice whose intention entry the card writes (the same kind of entry it saves). The session a new intention is saved for (None: no session, nothing to edit).</extracomment>
        <translation>Tu intención</translation>
    </message>
    <message>
        <source>Nothing written yet. A few words are enough, and you can change them.</source>
        <translation>Aún no has escrito nada. Bastan unas pocas palabras, y puedes cambiarlas.</translation>
    </message>
    <message>
        <source>Saved in your journal for your next session. Ctrl+Enter saves.</source>
        <translation>Se guarda en tu diario para tu próxima sesión. Ctrl+Intro guarda.</translation>
    </message>
    <message>
        <source>For example: I want to be curious</source>
        <translation>Por ejemplo: quiero sentir curiosidad</translation>
    </message>
    <message>
        <source>Save intention</source>
        <translation>Guardar la intención</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel, keep it as it was</source>
        <translation>Cancelar, dejarla como estaba</translation>
    </message>
    <message>
        <source>Your intention: {text}</source>
        <translation>Tu intención: {text}</translation>
    </message>
    <message>
        <source>For your next session: {text}</source>
        <translation>Para tu próxima sesión: {text}</translation>
    </message>
    <message>
        <source>Change your intention</source>
        <translation>Cambiar tu intención</translation>
    </message>
    <message>
        <source>Write your intention</source>
        <translation>Escribir tu intención</translation>
    </message>
    <message>
        <source>Change your intention for your next session</source>
        <translation>Cambiar tu intención para tu próxima sesión</translation>
    </message>
    <message>
        <source>Write your intention for your next session</source>
        <translation>Escribir tu intención para tu próxima sesión</translation>
    </message>
    <message>
        <source>My intention for this session is...</source>
        <translation>Mi intención para esta sesión es...</translation>
    </message>
    <message>
        <source>your intention</source>
        <translation>tu intención</translation>
    </message>
</context>
<context>
    <name>JournalLink</name>
    <message>
        <source>Your journal could not be read</source>
        <extracomment>The answers to &quot;your locked journal could not be read&quot;: start a new one locked again with the same passphrase, start one without a lock, or leave it closed for now. (parent, the message) -&gt; one of the three answers above.</extracomment>
        <translation>No se pudo leer tu diario</translation>
    </message>
    <message>
        <source>Start a new journal, locked with the same passphrase</source>
        <translation>Empezar un diario nuevo, bloqueado con la misma frase de contraseña</translation>
    </message>
    <message>
        <source>Start a new journal without a lock</source>
        <translation>Empezar un diario nuevo sin bloqueo</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Your journal is locked and stays closed for now. Practices still play; answers are not kept until you open it (More → Open your journal…).</source>
        <extracomment>Something was written (an answer, a practice, a session): views may refresh. Why the journal is not open (&quot;&quot; when it is, or before the first try). The message of the last failed write (&quot;&quot; when it went well).</extracomment>
        <translation>Tu diario está bloqueado y, por ahora, sigue cerrado. Las prácticas se pueden reproducir igualmente; las respuestas no se guardan hasta que lo abras (Más → Abrir tu diario…).</translation>
    </message>
    <message>
        <source>Your journal could not be opened ({error}). Practices still play, but answers are not kept.</source>
        <translation>No se pudo abrir tu diario ({error}). Las prácticas se pueden reproducir igualmente, pero las respuestas no se guardan.</translation>
    </message>
    <message>
        <source>{what} could not be saved. {why}</source>
        <translation>{what}: no se pudo guardar. {why}</translation>
    </message>
    <message>
        <source>{what} could not be saved ({error}). Practices still play; please try again later.</source>
        <translation>{what}: no se pudo guardar ({error}). Las prácticas se pueden reproducir igualmente; por favor, inténtalo de nuevo más tarde.</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>tu respuesta</translation>
    </message>
    <message>
        <source>the record of this practice</source>
        <translation>la anotación de esta práctica</translation>
    </message>
</context>
<context>
    <name>JournalPages</name>
    <message>
        <source>Journal</source>
        <translation>Diario</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Export for my therapist…</source>
        <translation>Exportar para mi terapeuta…</translation>
    </message>
    <message>
        <source>Save your changes?</source>
        <extracomment>Asks at closing (replaceable where no person is there to answer).</extracomment>
        <translation>¿Quieres guardar los cambios?</translation>
    </message>
    <message>
        <source>You changed a journal entry. Save the changes before closing?</source>
        <translation>Has cambiado una entrada del diario. ¿Quieres guardar los cambios antes de cerrar?</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <source>Journal</source>
        <extracomment>Wait this long after the last key before searching. Asks for a new note (replaceable where no person is there to answer).</extracomment>
        <translation>Diario</translation>
    </message>
    <message>
        <source>Search your journal</source>
        <translation>Buscar en tu diario</translation>
    </message>
    <message>
        <source>Words from what you wrote or what was asked. Press Down to reach the list.</source>
        <translation>Palabras de lo que escribiste o de lo que se te preguntó. Pulsa la flecha abajo para llegar a la lista.</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Nueva entrada</translation>
    </message>
    <message>
        <source>Write a new entry</source>
        <translation>Escribir una nueva entrada</translation>
    </message>
    <message>
        <source>Export for my therapist…</source>
        <translation>Exportar para mi terapeuta…</translation>
    </message>
    <message>
        <source>Export for my therapist</source>
        <translation>Exportar para mi terapeuta</translation>
    </message>
    <message>
        <source>Choose entries and save them as a Markdown or PDF file.</source>
        <translation>Elige entradas y guárdalas en un archivo Markdown o PDF.</translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation>Entradas del diario</translation>
    </message>
    <message>
        <source>Newest first, by day. Press Enter to edit the chosen entry, Escape to return.</source>
        <translation>Las más recientes primero, por días. Pulsa Intro para editar la entrada elegida y Esc para volver.</translation>
    </message>
    <message>
        <source>Nothing matches those words. You might try fewer.</source>
        <translation>Nada coincide con esas palabras. Puedes probar con menos.</translation>
    </message>
    <message>
        <source>Your journal isn&apos;t open</source>
        <translation>Tu diario no está abierto</translation>
    </message>
    <message>
        <source>Practices still play as usual. When your journal can be opened, your answers and notes will be here.</source>
        <translation>Las prácticas se pueden reproducir igualmente. Cuando se pueda abrir tu diario, tus respuestas y notas estarán aquí.</translation>
    </message>
    <message>
        <source>Your journal is waiting for you</source>
        <translation>Tu diario te está esperando</translation>
    </message>
    <message>
        <source>Answers you give in practices and notes you write will gather here, only on this computer. You could begin with a few words: choose New entry.</source>
        <translation>Las respuestas que des en las prácticas y las notas que escribas se irán reuniendo aquí, solo en este equipo. Puedes empezar con unas pocas palabras: elige Nueva entrada.</translation>
    </message>
    <message>
        <source>Continue your entry</source>
        <translation>Seguir con tu entrada</translation>
    </message>
    <message>
        <source>Continue the entry you were writing</source>
        <translation>Seguir con la entrada que estabas escribiendo</translation>
    </message>
    <message>
        <source>Answers you give in practices and notes you write will gather here, only on this computer. You began an entry last time: choose Continue your entry.</source>
        <translation>Las respuestas que des en las prácticas y las notas que escribas se irán reuniendo aquí, solo en este equipo. La última vez empezaste una entrada: elige Seguir con tu entrada.</translation>
    </message>
    <message>
        <source>More than {0} entries match</source>
        <translation>Coinciden más de {0} entradas</translation>
    </message>
    <message>
        <source>{0} entries match</source>
        <translation>Coinciden {0} entradas</translation>
    </message>
    <message>
        <source>1 entry matches</source>
        <translation>Coincide 1 entrada</translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation>{0} entradas</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 entrada</translation>
    </message>
    <message>
        <source>{0} Your words, to copy: {1}</source>
        <translation>{0} Tus palabras, para que puedas copiarlas: {1}</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Borrado</translation>
    </message>
    <message>
        <source>Your entry was not saved: {0}</source>
        <translation>Tu entrada no se guardó: {0}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
</context>
<context>
    <name>Journey</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Your sessions…</source>
        <translation>Tus sesiones…</translation>
    </message>
    <message>
        <source>Privacy and backups…</source>
        <translation>Privacidad y copias de seguridad…</translation>
    </message>
    <message>
        <source>Open your journal…</source>
        <translation>Abrir tu diario…</translation>
    </message>
    <message>
        <source>Your journal isn&apos;t open, so sessions can&apos;t be kept just now.</source>
        <translation>Tu diario no está abierto, así que ahora mismo no se pueden guardar las sesiones.</translation>
    </message>
    <message>
        <source>No session planned</source>
        <translation>No hay ninguna sesión prevista</translation>
    </message>
    <message>
        <source>Session day — before</source>
        <translation>Día de la sesión — antes</translation>
    </message>
    <message>
        <source>Session day — after</source>
        <translation>Día de la sesión — después</translation>
    </message>
    <message>
        <source>1 day before your session</source>
        <translation>Falta 1 día para tu sesión</translation>
    </message>
    <message>
        <source>{n} days before your session</source>
        <translation>Faltan {n} días para tu sesión</translation>
    </message>
    <message>
        <source>1 day after your session</source>
        <translation>Ha pasado 1 día desde tu sesión</translation>
    </message>
    <message>
        <source>{n} days after your session</source>
        <translation>Han pasado {n} días desde tu sesión</translation>
    </message>
    <message>
        <source>Session {number} — {date}</source>
        <translation>Sesión {number} — {date}</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>First, your signing key</source>
        <translation>Primero, tu clave de firma</translation>
    </message>
    <message>
        <source>Packs you share are signed with a key that belongs to you. Your client&apos;s app uses it to check that a pack really comes from you and that nothing in it changed on the way.

The key is made once and stays on this computer, in KAP Companion&apos;s data folder. Nothing is sent anywhere. Keep a backup of that folder: with a new key, your clients would need to confirm you again.</source>
        <translation>Los paquetes que compartes se firman con una clave que te pertenece. La app de tu cliente la usa para comprobar que un paquete viene de verdad de ti y que nada ha cambiado por el camino.

La clave se crea una sola vez y se queda en este equipo, en la carpeta de datos de KAP Companion. No se envía nada a ningún sitio. Guarda una copia de seguridad de esa carpeta: con una clave nueva, tus clientes tendrían que volver a confirmar que eres tú.</translation>
    </message>
    <message>
        <source>Your name, as your clients know you</source>
        <translation>Tu nombre, tal como te conocen tus clientes</translation>
    </message>
    <message>
        <source>Your name on packs</source>
        <translation>Tu nombre en los paquetes</translation>
    </message>
    <message>
        <source>Shown to clients when they open a pack from you, for example Dr. Sam Rivera</source>
        <translation>Lo ven tus clientes al abrir un paquete tuyo; por ejemplo, Sam Rivera</translation>
    </message>
    <message>
        <source>for example, Dr. Sam Rivera</source>
        <translation>por ejemplo, Sam Rivera</translation>
    </message>
    <message>
        <source>Create my key</source>
        <translation>Crear mi clave</translation>
    </message>
    <message>
        <source>Create my signing key</source>
        <translation>Crear mi clave de firma</translation>
    </message>
    <message>
        <source>It will be kept in {folder}</source>
        <translation>Se guardará en {folder}</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Your key could not be saved in {folder} ({why}).</source>
        <translation>No se pudo guardar tu clave en {folder} ({why}).</translation>
    </message>
    <message>
        <source>Check that the data folder can be written.</source>
        <translation>Comprueba que se puede escribir en la carpeta de datos.</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Pause or continue the practice</source>
        <translation>Pausar o continuar la práctica</translation>
    </message>
    <message>
        <source>Previous step (or the start of this one)</source>
        <translation>Paso anterior (o el comienzo de este)</translation>
    </message>
    <message>
        <source>Skip to the next step</source>
        <translation>Saltar al paso siguiente</translation>
    </message>
    <message>
        <source>Sound off or on</source>
        <translation>Quitar o poner el sonido</translation>
    </message>
    <message>
        <source>Louder / quieter</source>
        <translation>Más alto / más bajo</translation>
    </message>
    <message>
        <source>Stop the practice (asks first)</source>
        <translation>Parar la práctica (pregunta antes)</translation>
    </message>
    <message>
        <source>Continue after a question</source>
        <translation>Continuar después de una pregunta</translation>
    </message>
    <message>
        <source>Get help now</source>
        <translation>Ayuda ahora</translation>
    </message>
    <message>
        <source>Move to the next / previous control</source>
        <translation>Ir al control siguiente / anterior</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Buscar en la biblioteca</translation>
    </message>
    <message>
        <source>Full screen on or off</source>
        <translation>Pantalla completa sí o no</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Everything in the app works from the keyboard. These keys help.</source>
        <translation>Todo en la aplicación funciona con el teclado. Estas teclas te ayudan.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Qué hacen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>Your new language will show in full as soon as this practice ends.</source>
        <extracomment>Builds the main window in a language (&quot;en&quot;, &quot;es&quot;), reading the library from ``like``. The window was built again in a new language (the new window). While waiting, looks again now and then (another window may have closed).</extracomment>
        <translation>Tu nuevo idioma se mostrará por completo en cuanto termine esta práctica.</translation>
    </message>
    <message>
        <source>Your new language will show in full once the app&apos;s other windows are closed.</source>
        <translation>Tu nuevo idioma se mostrará por completo cuando cierres las otras ventanas de la app.</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Search practices</source>
        <extracomment>Space between a card&apos;s edge and its text, and a card line&apos;s height in font heights.</extracomment>
        <translation>Buscar prácticas</translation>
    </message>
    <message>
        <source>Type words from a title, summary or tag. Press Down to reach the list.</source>
        <translation>Escribe palabras de un título, un resumen o una etiqueta. Pulsa la flecha abajo para llegar a la lista.</translation>
    </message>
    <message>
        <source>Filter by length</source>
        <translation>Filtrar por duración</translation>
    </message>
    <message>
        <source>Any length</source>
        <translation>Cualquier duración</translation>
    </message>
    <message>
        <source>Under 3 minutes</source>
        <translation>Menos de 3 minutos</translation>
    </message>
    <message>
        <source>3 to 8 minutes</source>
        <translation>De 3 a 8 minutos</translation>
    </message>
    <message>
        <source>8 minutes or more</source>
        <translation>8 minutos o más</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Filtrar por etiqueta</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Todas las etiquetas</translation>
    </message>
    <message>
        <source>Practices</source>
        <translation>Prácticas</translation>
    </message>
    <message>
        <source>Grouped as Prepare, Anytime and Integrate. Press Enter to begin one.</source>
        <translation>Agrupadas en Preparar, Cuando quieras e Integrar. Pulsa Intro para empezar una.</translation>
    </message>
    <message>
        <source>Nothing matches yet. You might try fewer words.</source>
        <translation>Aún no hay coincidencias. Puedes probar con menos palabras.</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>Preparar</translation>
    </message>
    <message>
        <source>Anytime</source>
        <translation>Cuando quieras</translation>
    </message>
    <message>
        <source>Integrate</source>
        <translation>Integrar</translation>
    </message>
    <message>
        <source>from {author}</source>
        <translation>de {author}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>KAP Companion</source>
        <extracomment>The interface language; the library shows practices in it where translated. Every practice and program, in every language, with where each came from.</extracomment>
        <translation>KAP Companion</translation>
    </message>
    <message>
        <source>Get help now</source>
        <translation>Ayuda ahora</translation>
    </message>
    <message>
        <source>Opens a list of help lines. Works offline. Shortcut F1.</source>
        <translation>Abre una lista de líneas de ayuda. Funciona sin conexión. Atajo: F1.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Sound, motion, text size, theme</source>
        <translation>Sonido, movimiento, tamaño del texto, tema</translation>
    </message>
    <message>
        <source>Library</source>
        <extracomment>The player, built on first use or right after the first paint (``player``). The open journal (set by the journey&apos;s journal link), or None.</extracomment>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>More ▾</source>
        <translation>Más ▾</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Más acciones</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation>Descartar este aviso</translation>
    </message>
    <message>
        <source>Your settings couldn&apos;t be saved in {folder}. They apply until you close the app. You might check that the folder exists and that you can write to it.</source>
        <translation>No se pudieron guardar tus ajustes en {folder}. Se aplican hasta que cierres la app. Puedes comprobar que la carpeta existe y que puedes escribir en ella.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Leave the practice</source>
        <translation>Salir de la práctica</translation>
    </message>
    <message>
        <source>Back to the page you came from; asks first during a practice</source>
        <translation>Vuelve a la página de la que venías; durante una práctica, pregunta antes</translation>
    </message>
    <message>
        <source>Leave the practice (asks first)</source>
        <translation>Salir de la práctica (pregunta antes)</translation>
    </message>
</context>
<context>
    <name>MenuAndKeys</name>
    <message>
        <source>Keyboard shortcuts</source>
        <extracomment>Each page&apos;s shortcut (&quot;Ctrl+1&quot;), by page key. The More menu&apos;s tools for therapists, shown only in Therapist mode.</extracomment>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>En todas partes</translation>
    </message>
    <message>
        <source>During a practice</source>
        <translation>Durante una práctica</translation>
    </message>
</context>
<context>
    <name>MonthHeatMap</name>
    <message>
        <source>Practice calendar</source>
        <extracomment>The person moved past the month: (months to move, the day wanted).</extracomment>
        <translation>Calendario de prácticas</translation>
    </message>
    <message>
        <source>Practice calendar, {0}</source>
        <translation>Calendario de prácticas, {0}</translation>
    </message>
    <message>
        <source>{0}: no practice</source>
        <translation>{0}: sin práctica</translation>
    </message>
    <message>
        <source>1 practice</source>
        <translation>1 práctica</translation>
    </message>
    <message>
        <source>{0} practices</source>
        <translation>{0} prácticas</translation>
    </message>
    <message>
        <source>{0}: {1}, {2} minutes</source>
        <translation>{0}: {1}, {2} minutos</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>New entry</source>
        <translation>Nueva entrada</translation>
    </message>
    <message>
        <source>Write whatever you would like to keep. Only you see this.</source>
        <translation>Escribe lo que quieras guardar. Solo tú puedes ver esto.</translation>
    </message>
    <message>
        <source>A title, if you like</source>
        <translation>Un título, si quieres</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Your words</source>
        <translation>Tus palabras</translation>
    </message>
    <message>
        <source>You were writing this last time; your words are back.</source>
        <translation>La última vez estabas escribiendo esto; tus palabras han vuelto.</translation>
    </message>
    <message>
        <source>Write a few words first, or choose Cancel.</source>
        <translation>Primero escribe unas palabras, o elige Cancelar.</translation>
    </message>
    <message>
        <source>Let these words go?</source>
        <translation>¿Dejar ir estas palabras?</translation>
    </message>
    <message>
        <source>What you wrote here has not been saved. Let it go?</source>
        <translation>Lo que escribiste aquí no se ha guardado. ¿Quieres dejarlo ir?</translation>
    </message>
    <message>
        <source>Keep writing</source>
        <translation>Seguir escribiendo</translation>
    </message>
    <message>
        <source>Let them go</source>
        <translation>Dejarlas ir</translation>
    </message>
</context>
<context>
    <name>Pacer</name>
    <message>
        <source>Breathing pacer</source>
        <extracomment>Smallest radius as a fraction of the largest (empty lungs still show a soft shape). How many frame times the pacer keeps (about two minutes at 60 frames per second). Outer edge of the soft halo, as a multiple of the shape&apos;s radius. Radius of a full breath as a fraction of the pacer&apos;s smaller side: the halo of a full breath ends 2% short of the pacer&apos;s edge, never cut off.</extracomment>
        <translation>Guía de respiración</translation>
    </message>
    <message>
        <source>(part {n} of {m})</source>
        <extracomment>When each of the latest frames was painted (perf_counter seconds): how smooth the pacer runs, read by the benchmarks without an event filter&apos;s cost per event.</extracomment>
        <translation>(parte {n} de {m})</translation>
    </message>
    <message>
        <source>{s} seconds</source>
        <translation>{s} segundos</translation>
    </message>
    <message>
        <source>Breathing pacer: {word}</source>
        <translation>Guía de respiración: {word}</translation>
    </message>
    <message>
        <source>part {n} of {m}</source>
        <translation>parte {n} de {m}</translation>
    </message>
    <message>
        <source>breath {n} of {m}</source>
        <translation>respiración {n} de {m}</translation>
    </message>
</context>
<context>
    <name>Packs</name>
    <message>
        <source>Share with a client…</source>
        <extracomment>The last import dialog opened by a drop, a later launch or the command line.</extracomment>
        <translation>Compartir con tu cliente…</translation>
    </message>
    <message>
        <source>Open a pack…</source>
        <translation>Abrir un paquete…</translation>
    </message>
    <message>
        <source>Open a pack</source>
        <translation>Abrir un paquete</translation>
    </message>
    <message>
        <source>KAP Companion packs (*.kappack)</source>
        <translation>Paquetes de KAP Companion (*.kappack)</translation>
    </message>
    <message>
        <source>“{name}” is not a KAP Companion pack, so nothing was opened. Packs end in .kappack: you can drop one here, or use More › Open a pack…</source>
        <translation>“{name}” no es un paquete de KAP Companion, así que no se abrió nada. Los paquetes terminan en .kappack: puedes soltar uno aquí o usar Más › Abrir un paquete…</translation>
    </message>
</context>
<context>
    <name>PairsChart</name>
    <message>
        <source>Before and after each practice</source>
        <translation>Antes y después de cada práctica</translation>
    </message>
    <message>
        <source>No practices with a check-in before and after yet.</source>
        <translation>Aún no hay prácticas con un registro antes y después.</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Práctica</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Before (average)</source>
        <translation>Antes (promedio)</translation>
    </message>
    <message>
        <source>After (average)</source>
        <translation>Después (promedio)</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Veces</translation>
    </message>
    <message>
        <source>{0}: {1} before and {2} after on average, {3} times</source>
        <translation>{0}: en promedio, {1} antes y {2} después, {3} veces</translation>
    </message>
    <message>
        <source>○ before   ● after   (average, 0–10)</source>
        <translation>○ antes   ● después   (promedio, 0–10)</translation>
    </message>
    <message>
        <source>{0}: {1} before and {2} after, once</source>
        <translation>{0}: {1} antes y {2} después, una vez</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Open your journal</source>
        <translation>Abrir tu diario</translation>
    </message>
    <message>
        <source>Turn on the passphrase lock</source>
        <translation>Activar el bloqueo con frase de contraseña</translation>
    </message>
    <message>
        <source>Change your passphrase</source>
        <translation>Cambiar tu frase de contraseña</translation>
    </message>
    <message>
        <source>Turn off the passphrase lock</source>
        <translation>Desactivar el bloqueo con frase de contraseña</translation>
    </message>
    <message>
        <source>Your journal is locked with a passphrase. Enter it to see and keep your answers. You can also choose “Not now”: practices still play, and answers are not kept until the journal is open.</source>
        <translation>Tu diario está bloqueado con una frase de contraseña. Escríbela para ver y guardar tus respuestas. También puedes elegir “Ahora no”: las prácticas se pueden reproducir igualmente, y las respuestas no se guardan hasta que el diario esté abierto.</translation>
    </message>
    <message>
        <source>Enter the passphrase you use now, then the new one twice.</source>
        <translation>Escribe la frase de contraseña que usas ahora y, después, la nueva dos veces.</translation>
    </message>
    <message>
        <source>Your entries will be stored unencrypted on this computer again. Enter your passphrase to turn the lock off.</source>
        <translation>Tus entradas volverán a guardarse sin cifrar en este equipo. Escribe tu frase de contraseña para desactivar el bloqueo.</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Tu frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase now</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Repite la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>Al menos 8 caracteres</translation>
    </message>
    <message>
        <source>I understand: if I forget this passphrase, my journal cannot be recovered.</source>
        <translation>Entiendo que, si olvido esta frase de contraseña, mi diario no se podrá recuperar.</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Turn on the lock</source>
        <translation>Activar el bloqueo</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase</translation>
    </message>
    <message>
        <source>Turn off the lock</source>
        <translation>Desactivar el bloqueo</translation>
    </message>
    <message>
        <source>Please enter your passphrase.</source>
        <translation>Por favor, escribe tu frase de contraseña.</translation>
    </message>
    <message>
        <source>The new passphrase needs at least 8 characters.</source>
        <translation>La nueva frase de contraseña necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>The two new passphrases are not the same — please type them again.</source>
        <translation>Las dos frases de contraseña nuevas no coinciden; por favor, escríbelas de nuevo.</translation>
    </message>
    <message>
        <source>Please tick the box to say you understand that it cannot be recovered.</source>
        <translation>Por favor, marca la casilla para indicar que entiendes que no se podrá recuperar.</translation>
    </message>
</context>
<context>
    <name>PlayerEndings</name>
    <message>
        <source>Stop here? You&apos;ve been practising for {t}.</source>
        <translation>¿Paramos aquí? Llevas {t} practicando.</translation>
    </message>
</context>
<context>
    <name>PlayerLayout</name>
    <message>
        <source>Get ready. Settle in; you can pause or stop any time.</source>
        <extracomment>The pages, in the order of :attr:`PlayerLayout.pages` (the end screen is the fourth). The pages of :attr:`PlayerLayout.stage`: the practice, a question (gate), the countdown.</extracomment>
        <translation>Date un momento para acomodarte; puedes pausar o parar cuando quieras.</translation>
    </message>
    <message>
        <source>Begin now</source>
        <translation>Empezar ya</translation>
    </message>
    <message>
        <source>Skip the countdown</source>
        <translation>Saltar la cuenta atrás</translation>
    </message>
    <message>
        <source>Paused — press Space or Play to go on</source>
        <translation>En pausa — pulsa Espacio o Reproducir para seguir</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Restart this step, or go to the one before</source>
        <translation>Reiniciar este paso o ir al anterior</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Pause or continue</source>
        <translation>Pausar o continuar</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Saltar</translation>
    </message>
    <message>
        <source>Go to the next step</source>
        <translation>Ir al siguiente paso</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Turn the sound off or on</source>
        <translation>Quitar o poner el sonido</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>Más bajo</translation>
    </message>
    <message>
        <source>Lower the volume</source>
        <translation>Bajar el volumen</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Más alto</translation>
    </message>
    <message>
        <source>Raise the volume</source>
        <translation>Subir el volumen</translation>
    </message>
    <message>
        <source>I need to stop</source>
        <translation>Necesito parar</translation>
    </message>
    <message>
        <source>Fade the sound and offer a minute of grounding</source>
        <translation>Bajar el sonido poco a poco y ofrecer un minuto de anclaje</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Seguir</translation>
    </message>
    <message>
        <source>Carry on with the practice</source>
        <translation>Seguir con la práctica</translation>
    </message>
    <message>
        <source>Stop here</source>
        <translation>Parar aquí</translation>
    </message>
    <message>
        <source>End the practice now</source>
        <translation>Terminar la práctica ahora</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>That&apos;s okay. Stopping is always allowed.</source>
        <translation>Está bien. Siempre puedes parar.</translation>
    </message>
    <message>
        <source>The sound is fading. Would you like a minute to land? We&apos;ll feel the feet on the floor and the hands resting — nothing more.</source>
        <translation>El sonido se va apagando. ¿Te gustaría tomarte un minuto para aterrizar? Sentiremos los pies en el suelo y las manos en reposo; nada más.</translation>
    </message>
    <message>
        <source>End here</source>
        <translation>Terminar aquí</translation>
    </message>
    <message>
        <source>Finish without grounding</source>
        <translation>Terminar sin anclaje</translation>
    </message>
    <message>
        <source>Take a minute to land</source>
        <translation>Un minuto para aterrizar</translation>
    </message>
    <message>
        <source>A one-minute grounding: feet and hands</source>
        <translation>Un anclaje de un minuto: pies y manos</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Paso anterior</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <source>Unmute</source>
        <extracomment>While paused or waiting at a question nothing moves: after STILL_AFTER seconds the frames slow to IDLE_FPS (the sound&apos;s own fades have finished by then), and any change (continue, an answer, skip) brings back the full rate on that same frame. Reads earlier answers saved by other practices (the journal provides it).</extracomment>
        <translation>Activar sonido</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Volume {n}</source>
        <translation>Volumen {n}</translation>
    </message>
    <message>
        <source>Some sounds could not be loaded; the practice plays on.</source>
        <translation>Algunos sonidos no se pudieron cargar; la práctica sigue.</translation>
    </message>
    <message>
        <source>A few sounds couldn&apos;t be loaded; the practice plays on.</source>
        <translation>Unos pocos sonidos no se pudieron cargar; la práctica sigue.</translation>
    </message>
    <message>
        <source>Starting in {n}</source>
        <translation>Empieza en {n}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Breathe gently, not deeply.</source>
        <translation>Respira suavemente, sin forzar.</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Your own words</source>
        <translation>Tus propias palabras</translation>
    </message>
    <message>
        <source>Left out: {0}</source>
        <translation>Se deja fuera: {0}</translation>
    </message>
    <message>
        <source>Left out of the file</source>
        <translation>Se deja fuera del archivo</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>KAP Companion backups (*.kapbackup)</source>
        <extracomment>(parent, title, suggested path) -&gt; the chosen path, or &quot;&quot; when cancelled.</extracomment>
        <translation>Copias de seguridad de KAP Companion (*.kapbackup)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Privacy and backups</source>
        <translation>Privacidad y copias de seguridad</translation>
    </message>
    <message>
        <source>Passphrase lock</source>
        <translation>Bloqueo con frase de contraseña</translation>
    </message>
    <message>
        <source>Turn on the lock…</source>
        <translation>Activar el bloqueo…</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Cambiar la frase de contraseña…</translation>
    </message>
    <message>
        <source>Turn off the lock…</source>
        <translation>Desactivar el bloqueo…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>A backup is one file with your journal, settings, your own practices and imported packs. Keep it somewhere safe; it stays locked if your journal is.</source>
        <translation>Una copia de seguridad es un solo archivo con tu diario, tus ajustes, tus propias prácticas y los paquetes importados. Guárdala en un lugar seguro; si tu diario está bloqueado, la copia también lo estará.</translation>
    </message>
    <message>
        <source>Back up everything…</source>
        <translation>Hacer una copia de todo…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Restaurar desde una copia…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Your journal isn&apos;t open, so the lock can&apos;t be changed just now. Backups and restoring still work.</source>
        <translation>Tu diario no está abierto, así que ahora mismo no se puede cambiar el bloqueo. Las copias de seguridad y la restauración funcionan igualmente.</translation>
    </message>
    <message>
        <source>Your journal is locked with a passphrase: entries are encrypted on this computer, and the app asks for the passphrase when it opens.</source>
        <translation>Tu diario está bloqueado con una frase de contraseña: las entradas se cifran en este equipo, y la app pide la frase de contraseña al abrirse.</translation>
    </message>
    <message>
        <source>Your journal has no passphrase. It stays on this computer, readable by anyone who can use your account.</source>
        <translation>Tu diario no tiene frase de contraseña. Se queda en este equipo, y puede leerlo cualquier persona que use tu cuenta.</translation>
    </message>
    <message>
        <source>Your journal is now locked. The app will ask for your passphrase each time it opens.</source>
        <translation>Tu diario ya está bloqueado. La app te pedirá tu frase de contraseña cada vez que se abra.</translation>
    </message>
    <message>
        <source>An older copy was replaced by a locked one.</source>
        <translation>Una copia anterior se sustituyó por una copia bloqueada.</translation>
    </message>
    <message>
        <source>{0} older copies were replaced by one locked copy.</source>
        <translation>{0} copias anteriores se sustituyeron por una copia bloqueada.</translation>
    </message>
    <message>
        <source>Earlier files kept aside are now encrypted too: %1.</source>
        <translation>Los archivos que se habían guardado aparte también están cifrados ahora: %1.</translation>
    </message>
    <message>
        <source>Your passphrase is changed. Use the new one from now on.</source>
        <translation>Tu frase de contraseña ha cambiado. A partir de ahora, usa la nueva.</translation>
    </message>
    <message>
        <source>The lock is off. Your journal opens without a passphrase now.</source>
        <translation>El bloqueo está desactivado. Ahora tu diario se abre sin frase de contraseña.</translation>
    </message>
    <message>
        <source>Back up everything</source>
        <translation>Hacer una copia de todo</translation>
    </message>
    <message>
        <source>The backup could not be made. {why} Try a folder you can write to, such as your Documents.</source>
        <translation>No se pudo hacer la copia de seguridad. {why} Puedes probar con una carpeta en la que puedas escribir, como Documentos.</translation>
    </message>
    <message>
        <source>Backed up everything to {file}. Keep it somewhere safe.</source>
        <translation>Se hizo una copia de todo en {file}. Guárdala en un lugar seguro.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia</translation>
    </message>
    <message>
        <source>Restore from {file}? This is what would change; a part the backup does not hold is kept as it is. What is here now is kept first as a backup file in the backups folder of your data.</source>
        <translation>¿Restaurar desde {file}? Esto es lo que cambiaría; lo que la copia no contiene se queda como está. Antes, lo que hay ahora se guarda como archivo de copia en la carpeta de copias de seguridad de tus datos.</translation>
    </message>
    <message>
        <source>Restore from this backup?</source>
        <translation>¿Restaurar desde esta copia?</translation>
    </message>
    <message>
        <source>Nothing was changed. {why}</source>
        <translation>No se ha cambiado nada. {why}</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Progress through the practice</source>
        <translation>Avance de la práctica</translation>
    </message>
    <message>
        <source>Elapsed {t}</source>
        <translation>Transcurrido: {t}</translation>
    </message>
    <message>
        <source>Remaining {t}</source>
        <translation>Quedan: {t}</translation>
    </message>
    <message>
        <source>{e} done, {r} to go</source>
        <translation>Llevas {e}, quedan {r}</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>Import audio</source>
        <extracomment>``ask(title, text, [(key, label), ...], default_key) -&gt; chosen key`` (&quot;cancel&quot; on Esc). ``choose_audio() -&gt; path or None``.</extracomment>
        <translation>Importar audio</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Record your voice</source>
        <extracomment>Longest recording kept (a say step&apos;s clip, not a podcast).</extracomment>
        <translation>Grabar tu voz</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micrófono</translation>
    </message>
    <message>
        <source>Input level</source>
        <translation>Nivel de entrada</translation>
    </message>
    <message>
        <source>Press Record and speak as you would to your client.</source>
        <translation>Pulsa Grabar y habla como le hablarías a tu cliente.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Grabar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Listen back</source>
        <translation>Escuchar</translation>
    </message>
    <message>
        <source>Use this recording</source>
        <translation>Usar esta grabación</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>This microphone&apos;s sound format is not supported.</source>
        <translation>El formato de sonido de este micrófono no es compatible.</translation>
    </message>
    <message>
        <source>The microphone could not be opened. Is another app using it?</source>
        <translation>No se pudo abrir el micrófono. ¿Puede que otra app lo esté usando?</translation>
    </message>
    <message>
        <source>Recording… press Stop when you have finished.</source>
        <translation>Grabando… pulsa Detener cuando termines.</translation>
    </message>
    <message>
        <source>Recorded {s} seconds. Listen back, record again, or use it.</source>
        <translation>Se grabaron {s} segundos. Puedes escucharla, grabar de nuevo o usarla.</translation>
    </message>
    <message>
        <source>Record again</source>
        <translation>Grabar de nuevo</translation>
    </message>
</context>
<context>
    <name>ReflectGate</name>
    <message>
        <source>What you wrote earlier:</source>
        <translation>Lo que escribiste antes:</translation>
    </message>
    <message>
        <source>What you wrote earlier</source>
        <translation>Lo que escribiste antes</translation>
    </message>
    <message>
        <source>Write as much or as little as you like…</source>
        <translation>Escribe tanto o tan poco como quieras…</translation>
    </message>
    <message>
        <source>Your reflection</source>
        <translation>Tu reflexión</translation>
    </message>
    <message>
        <source>Ctrl+Enter to continue. Only you can see this.</source>
        <translation>Ctrl+Intro para continuar. Solo tú puedes ver esto.</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <source>Gentle reminders, only if you would like them. You can change or turn them off at any time, and a reminder you miss is simply let go.</source>
        <translation>Recordatorios suaves, solo si te apetecen. Puedes cambiarlos o desactivarlos cuando quieras, y si se te pasa uno, simplemente se deja ir.</translation>
    </message>
    <message>
        <source>Remind me to practise</source>
        <translation>Recordarme practicar</translation>
    </message>
    <message>
        <source>Reminders arrive as notifications while KAP Companion runs. Closing the window keeps it running in the tray.</source>
        <translation>Los recordatorios llegan como notificaciones mientras KAP Companion está en marcha. Al cerrar la ventana, sigue en marcha en la bandeja del sistema.</translation>
    </message>
    <message>
        <source>This desktop has no tray for KAP Companion to wait in, so reminders appear only while the app is open.</source>
        <translation>Este escritorio no tiene bandeja del sistema donde KAP Companion pueda esperar, así que los recordatorios solo aparecen mientras la app está abierta.</translation>
    </message>
    <message>
        <source>Add a time</source>
        <translation>Añadir una hora</translation>
    </message>
    <message>
        <source>Also a reminder from my session plan, at</source>
        <translation>También un recordatorio de mi plan de sesión, a las</translation>
    </message>
    <message>
        <source>Session plan reminder time</source>
        <translation>Hora del recordatorio del plan de sesión</translation>
    </message>
    <message>
        <source>Quiet hours from</source>
        <translation>Horas de calma desde</translation>
    </message>
    <message>
        <source>Quiet hours until</source>
        <translation>Horas de calma hasta</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Remind again after (minutes)</source>
        <translation>Volver a recordar después de (minutos)</translation>
    </message>
    <message>
        <source>Keep running in the tray when I close the window</source>
        <translation>Seguir en la bandeja del sistema al cerrar la ventana</translation>
    </message>
    <message>
        <source>Start quietly when I log in</source>
        <translation>Iniciar en segundo plano al entrar en mi cuenta</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Horas de calma</translation>
    </message>
    <message>
        <source>Remind again after</source>
        <translation>Volver a recordar tras</translation>
    </message>
    <message>
        <source>Daily times</source>
        <translation>Horas diarias</translation>
    </message>
</context>
<context>
    <name>ReminderRow</name>
    <message>
        <source>Reminder {n}: time</source>
        <translation>Recordatorio {n}: hora</translation>
    </message>
    <message>
        <source>Reminder {n}: {day}</source>
        <translation>Recordatorio {n}: {day}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove reminder {n}</source>
        <translation>Quitar el recordatorio {n}</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Starting at login could not be set up: {where} could not be written ({why}). Reminders still work while the app is open.</source>
        <translation>No se pudo activar el inicio al entrar en tu cuenta: no se pudo escribir {where} ({why}). Los recordatorios siguen funcionando mientras la aplicación está abierta.</translation>
    </message>
    <message>
        <source>Starting at login could not be turned off: {where} could not be removed ({why}). You can delete that file yourself.</source>
        <translation>No se pudo desactivar el inicio al entrar en tu cuenta: no se pudo borrar {where} ({why}). Puedes borrar ese archivo tú mismo.</translation>
    </message>
    <message>
        <source>KAP Companion</source>
        <translation>KAP Companion</translation>
    </message>
    <message>
        <source>Open KAP Companion</source>
        <translation>Abrir KAP Companion</translation>
    </message>
    <message>
        <source>Remind me again in a little while</source>
        <translation>Recuérdamelo dentro de un rato</translation>
    </message>
    <message>
        <source>Turn reminders off</source>
        <translation>Desactivar los recordatorios</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>KAP Companion is still here</source>
        <translation>KAP Companion sigue aquí</translation>
    </message>
    <message>
        <source>Your reminders will arrive from here. To quit, choose Quit in this icon&apos;s menu, or turn reminders off.</source>
        <translation>Tus recordatorios llegarán desde aquí. Para salir, elige Salir en el menú de este icono o desactiva los recordatorios.</translation>
    </message>
    <message>
        <source>Reminders…</source>
        <translation>Recordatorios…</translation>
    </message>
</context>
<context>
    <name>SessionsDialog</name>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Conservarla</translation>
    </message>
    <message>
        <source>Your sessions</source>
        <translation>Tus sesiones</translation>
    </message>
    <message>
        <source>Add the dates of your KAP sessions, past or upcoming. Today uses them to suggest practices for the days around each one.</source>
        <translation>Añade las fechas de tus sesiones de KAP, pasadas o próximas. “Hoy” las usa para sugerirte prácticas para los días de alrededor de cada una.</translation>
    </message>
    <message>
        <source>Session dates</source>
        <translation>Fechas de las sesiones</translation>
    </message>
    <message>
        <source>Choose one to change it</source>
        <translation>Elige una para cambiarla</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
    <message>
        <source>Start a new session date</source>
        <translation>Crear una nueva fecha de sesión</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>Fecha de la sesión</translation>
    </message>
    <message>
        <source>Arrow keys change the day; Alt+Down opens a calendar</source>
        <translation>Las flechas cambian el día; Alt+Abajo abre un calendario</translation>
    </message>
    <message>
        <source>For example: first session, with Dr. Rivera</source>
        <translation>Por ejemplo: primera sesión, con Sam Rivera</translation>
    </message>
    <message>
        <source>Label (optional)</source>
        <translation>Etiqueta (opcional)</translation>
    </message>
    <message>
        <source>Program for the days before</source>
        <translation>Programa para los días de antes</translation>
    </message>
    <message>
        <source>Program for the days after</source>
        <translation>Programa para los días de después</translation>
    </message>
    <message>
        <source>{id} (not in your library)</source>
        <translation>{id} (no está en tu biblioteca)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Borrar…</translation>
    </message>
    <message>
        <source>Delete this session date</source>
        <translation>Borrar esta fecha de sesión</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecha</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>próxima</translation>
    </message>
    <message>
        <source>past</source>
        <translation>pasada</translation>
    </message>
    <message>
        <source>Session {n} · {day}</source>
        <translation>Sesión {n} · {day}</translation>
    </message>
    <message>
        <source>Session {n}</source>
        <translation>Sesión {n}</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <source>Save changes to this session</source>
        <translation>Guardar los cambios de esta sesión</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>Aún no hecha</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Marcar como hecha</translation>
    </message>
    <message>
        <source>Marked as done: Today shows the days after it.</source>
        <translation>Marcada como hecha: “Hoy” muestra los días de después.</translation>
    </message>
    <message>
        <source>Not marked as done yet.</source>
        <translation>Aún no está marcada como hecha.</translation>
    </message>
    <message>
        <source>A new session</source>
        <translation>Una nueva sesión</translation>
    </message>
    <message>
        <source>Add session</source>
        <translation>Añadir sesión</translation>
    </message>
    <message>
        <source>Add this session</source>
        <translation>Añadir esta sesión</translation>
    </message>
    <message>
        <source>Your journal isn&apos;t open, so sessions can&apos;t be saved just now.</source>
        <translation>Tu diario no está abierto, así que ahora mismo no se pueden guardar las sesiones.</translation>
    </message>
    <message>
        <source>the new session</source>
        <translation>la nueva sesión</translation>
    </message>
    <message>
        <source>the changes to this session</source>
        <translation>los cambios de esta sesión</translation>
    </message>
    <message>
        <source>marking the session</source>
        <translation>la sesión marcada como hecha</translation>
    </message>
    <message>
        <source>Delete {title}? Your journal entries from around it are kept — only the date goes.</source>
        <translation>¿Borrar {title}? Las entradas de tu diario de esos días se conservan; solo se borra la fecha.</translation>
    </message>
    <message>
        <source>Delete this session?</source>
        <translation>¿Borrar esta sesión?</translation>
    </message>
    <message>
        <source>deleting the session</source>
        <translation>el borrado de la sesión</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Sonido</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Práctica</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Help lines</source>
        <translation>Líneas de ayuda</translation>
    </message>
    <message>
        <source>Overall volume</source>
        <translation>Volumen general</translation>
    </message>
    <message>
        <source>Voice volume</source>
        <translation>Volumen de la voz</translation>
    </message>
    <message>
        <source>Breath cue volume</source>
        <translation>Volumen de las señales de respiración</translation>
    </message>
    <message>
        <source>Background sound volume</source>
        <translation>Volumen del sonido de fondo</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <source>Background sound</source>
        <translation>Sonido de fondo</translation>
    </message>
    <message>
        <source>As the practice suggests</source>
        <translation>El que sugiera la práctica</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Brown noise</source>
        <translation>Ruido marrón</translation>
    </message>
    <message>
        <source>Rain</source>
        <translation>Lluvia</translation>
    </message>
    <message>
        <source>Ocean</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Drone</source>
        <translation>Zumbido suave</translation>
    </message>
    <message>
        <source>Soft tones</source>
        <translation>Tonos suaves</translation>
    </message>
    <message>
        <source>Bell</source>
        <translation>Campana</translation>
    </message>
    <message>
        <source>Read guidance aloud when there is no recorded voice</source>
        <translation>Leer la guía en voz alta cuando no haya voz grabada</translation>
    </message>
    <message>
        <source>Reading aloud needs a system voice, which isn&apos;t available here.</source>
        <translation>Para leer en voz alta hace falta una voz del sistema, y aquí no hay ninguna disponible.</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> segundos</translation>
    </message>
    <message>
        <source>Get-ready countdown</source>
        <translation>Cuenta atrás inicial</translation>
    </message>
    <message>
        <source>0 begins straight away</source>
        <translation>Con 0 empieza enseguida</translation>
    </message>
    <message>
        <source>Reduce motion (a calm filling bar, no fades)</source>
        <translation>Reducir el movimiento (una barra que se llena con calma, sin fundidos)</translation>
    </message>
    <message>
        <source>Show the stop rules again before every practice</source>
        <translation>Mostrar las pautas para parar antes de cada práctica</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Estándar</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Más grande</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>El más grande</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>e.g. Riverside Clinic</source>
        <translation>p. ej., Clínica Ribera</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>After-hours number</source>
        <translation>Número fuera de horario</translation>
    </message>
    <message>
        <source>Clinic after-hours number</source>
        <translation>Número de la clínica fuera de horario</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Each row: a name, how to reach it, a note</source>
        <translation>Cada fila: un nombre, cómo contactar y una nota</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>Añadir una línea</translation>
    </message>
    <message>
        <source>Remove the selected line</source>
        <translation>Quitar la línea seleccionada</translation>
    </message>
    <message>
        <source>Small</source>
        <translation>Pequeño</translation>
    </message>
    <message>
        <source>Breath cue sound</source>
        <translation>Sonido de las señales de respiración</translation>
    </message>
    <message>
        <source>Therapist mode</source>
        <translation>Modo terapeuta</translation>
    </message>
    <message>
        <source>Shows the tools for writing, editing and sharing practices</source>
        <translation>Muestra las herramientas para escribir, editar y compartir prácticas</translation>
    </message>
    <message>
        <source>For therapists: adds New practice…, Edit practice… and Share with a client… to the More menu. You don&apos;t need it to practise.</source>
        <translation>Para terapeutas: añade Nueva práctica…, Editar la práctica… y Compartir con tu cliente… al menú Más. No lo necesitas para practicar.</translation>
    </message>
    <message>
        <source>A new language shows as soon as you save (when a practice is under way, as soon as it ends).</source>
        <translation>El nuevo idioma se muestra en cuanto guardas (si hay una práctica en curso, en cuanto termine).</translation>
    </message>
    <message>
        <source>Get help now shows the help lines of your country. Add your own people and places to turn to here; they show after them.</source>
        <translation>«Ayuda ahora» muestra las líneas de ayuda de tu país. Añade aquí a tus propias personas y lugares a los que acudir; aparecen después.</translation>
    </message>
    <message>
        <source>Your own help lines</source>
        <translation>Tus propias líneas de ayuda</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Save the pack</source>
        <extracomment>Asks where to save: (parent, suggested path) -&gt; chosen path, or None when cancelled.</extracomment>
        <translation>Guardar el paquete</translation>
    </message>
    <message>
        <source>KAP Companion packs (*.kappack)</source>
        <translation>Paquetes de KAP Companion (*.kappack)</translation>
    </message>
    <message>
        <source>Share with a client</source>
        <translation>Compartir con tu cliente</translation>
    </message>
    <message>
        <source>Practices and programs to share</source>
        <translation>Prácticas y programas para compartir</translation>
    </message>
    <message>
        <source>Press Space to tick or untick the highlighted one.</source>
        <translation>Pulsa Espacio para marcar o desmarcar el elemento resaltado.</translation>
    </message>
    <message>
        <source>Find a practice</source>
        <translation>Buscar una práctica</translation>
    </message>
    <message>
        <source>Find a practice to share</source>
        <translation>Buscar una práctica para compartir</translation>
    </message>
    <message>
        <source>Program: {title}</source>
        <translation>Programa: {title}</translation>
    </message>
    <message>
        <source>Pack name</source>
        <translation>Nombre del paquete</translation>
    </message>
    <message>
        <source>for example, A calm start</source>
        <translation>por ejemplo, Un comienzo tranquilo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Your name as your client knows you</source>
        <translation>Tu nombre, tal como te conoce tu cliente</translation>
    </message>
    <message>
        <source>Practice or clinic (optional)</source>
        <translation>Consulta o clínica (opcional)</translation>
    </message>
    <message>
        <source>A personal message to your client (optional)</source>
        <translation>Un mensaje personal para tu cliente (opcional)</translation>
    </message>
    <message>
        <source>Here are the practices we tried together. Use them whenever it feels right.</source>
        <translation>Aquí tienes las prácticas que probamos en consulta. Puedes usarlas siempre que te sienta bien.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Raise it each time you share an updated pack, for example 2</source>
        <translation>Súbela cada vez que compartas un paquete actualizado; por ejemplo, 2</translation>
    </message>
    <message>
        <source>Practice or clinic</source>
        <translation>Consulta o clínica</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Save pack…</source>
        <translation>Guardar el paquete…</translation>
    </message>
    <message>
        <source>Save pack</source>
        <translation>Guardar el paquete</translation>
    </message>
    <message>
        <source>Choose where to save the signed pack file</source>
        <translation>Elige dónde guardar el archivo del paquete firmado</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>your own</source>
        <translation>tuya</translation>
    </message>
    <message>
        <source>from a pack</source>
        <translation>de un paquete</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>incluida</translation>
    </message>
    <message>
        <source>Signed as {name} · fingerprint {fp}</source>
        <translation>Firmado como {name} · huella {fp}</translation>
    </message>
    <message>
        <source>Your key is made and kept on this computer. Its fingerprint is shown above; your clients may ask you about it.</source>
        <translation>Tu clave se crea y se guarda en este equipo. Su huella aparece arriba; puede que tus clientes te pregunten por ella.</translation>
    </message>
    <message>
        <source>Tick at least one practice to share.</source>
        <translation>Marca al menos una práctica para compartir.</translation>
    </message>
    <message>
        <source>Give the pack a name, with some letters or digits.</source>
        <translation>Ponle un nombre al paquete, con algunas letras o números.</translation>
    </message>
    <message>
        <source>Say who the pack is from.</source>
        <translation>Indica de quién es el paquete.</translation>
    </message>
    <message>
        <source>The message is longer than {n} characters; you might shorten it.</source>
        <translation>El mensaje tiene más de {n} caracteres; puedes acortarlo.</translation>
    </message>
    <message>
        <source>The version should be a number like 1 or 2 (or 1.2).</source>
        <translation>La versión debe ser un número como 1 o 2 (o 1.2).</translation>
    </message>
    <message>
        <source>The pack you are replacing there is version {old}. Raise the version so your client&apos;s app takes this one as an update.</source>
        <translation>El paquete que vas a sustituir ahí es la versión {old}. Sube la versión para que la app de tu cliente tome este como una actualización.</translation>
    </message>
    <message>
        <source>The pack was not saved.</source>
        <translation>El paquete no se guardó.</translation>
    </message>
    <message>
        <source>Saved “{file}” in {folder}. It holds {n} practice(s) and {m} program(s). You can send it to your client however you usually share files. Tell them this fingerprint:</source>
        <translation>Se guardó “{file}” en {folder}. Contiene {n} práctica(s) y {m} programa(s). Puedes enviárselo a tu cliente como sueles compartir archivos. Comunícale esta huella:</translation>
    </message>
</context>
<context>
    <name>SoundNotices</name>
    <message>
        <source>No sound device found — the practice will play silently.</source>
        <translation>No se ha encontrado ningún dispositivo de sonido — la práctica seguirá en silencio.</translation>
    </message>
    <message>
        <source>Sound is turned off — the practice will play silently.</source>
        <translation>El sonido está desactivado — la práctica seguirá en silencio.</translation>
    </message>
    <message>
        <source>The sound device went away — the practice carries on silently.</source>
        <translation>El dispositivo de sonido ya no está disponible — la práctica continúa en silencio.</translation>
    </message>
    <message>
        <source>Sound isn&apos;t available right now, so this practice plays silently.</source>
        <translation>El sonido no está disponible ahora mismo, así que esta práctica sigue en silencio.</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Steps</source>
        <extracomment>Qt&apos;s QWIDGETSIZE_MAX (not exported by PySide6): no maximum size.</extracomment>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
</context>
<context>
    <name>StepListener</name>
    <message>
        <source>Playing the recorded clip.</source>
        <extracomment>Texts handed to a voice, newest last (for tests).</extracomment>
        <translation>Reproduciendo el clip grabado.</translation>
    </message>
    <message>
        <source>The recorded clip could not be played here.</source>
        <translation>El clip grabado no se pudo reproducir aquí.</translation>
    </message>
    <message>
        <source>This step has no words to say.</source>
        <translation>Este paso no tiene texto que decir.</translation>
    </message>
    <message>
        <source>Speaking the step.</source>
        <translation>Diciendo el paso en voz alta.</translation>
    </message>
    <message>
        <source>No sound device was found, so nothing can be heard.</source>
        <translation>No se encontró ningún dispositivo de sonido, así que no se puede oír nada.</translation>
    </message>
    <message>
        <source>Getting the voice ready…</source>
        <translation>Preparando la voz…</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Showing the last version without errors — fix the marked lines to update.</source>
        <translation>Se muestra la última versión sin errores; corrige las líneas marcadas para actualizar.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Empieza</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Steps with start times and lengths</source>
        <translation>Pasos con su inicio y duración</translation>
    </message>
    <message>
        <source>Choose a step to see its line, add a voice, or preview from there.</source>
        <translation>Elige un paso para ver su línea, añadir una voz o previsualizar desde ahí.</translation>
    </message>
    <message>
        <source>Preview from here</source>
        <translation>Previsualizar desde aquí</translation>
    </message>
    <message>
        <source>Preview from the chosen step</source>
        <translation>Previsualizar desde el paso elegido</translation>
    </message>
    <message>
        <source>Plays this draft in the player, starting at the chosen step. Nothing is saved.</source>
        <translation>Reproduce este borrador en el reproductor, desde el paso elegido. No se guarda nada.</translation>
    </message>
    <message>
        <source>waits for you</source>
        <translation>te espera</translation>
    </message>
    <message>
        <source>{n} steps · about {length} in all</source>
        <translation>{n} pasos · alrededor de {length} en total</translation>
    </message>
    <message>
        <source>The steps appear here once the practice has no errors.</source>
        <translation>Los pasos aparecen aquí cuando la práctica no tiene errores.</translation>
    </message>
</context>
<context>
    <name>StepWords</name>
    <message>
        <source>in {s}</source>
        <translation>toma aire {s}</translation>
    </message>
    <message>
        <source>hold {s}</source>
        <translation>pausa {s}</translation>
    </message>
    <message>
        <source>out {s}</source>
        <translation>suelta {s}</translation>
    </message>
    <message>
        <source>rest {s}</source>
        <translation>descansa {s}</translation>
    </message>
    <message>
        <source>1 breath</source>
        <translation>1 respiración</translation>
    </message>
    <message>
        <source>{n} breaths</source>
        <translation>{n} respiraciones</translation>
    </message>
    <message>
        <source>Breathe {phases} — {count}</source>
        <translation>Respira: {phases} — {count}</translation>
    </message>
    <message>
        <source>your intention</source>
        <extracomment>Placeholders a list names in words of their own (the rest read &quot;your answer&quot;).</extracomment>
        <translation>tu intención</translation>
    </message>
    <message>
        <source>your calm word</source>
        <translation>tu palabra de calma</translation>
    </message>
    <message>
        <source>your small step</source>
        <translation>tu pequeño paso</translation>
    </message>
    <message>
        <source>your first notes</source>
        <translation>tus primeras notas</translation>
    </message>
    <message>
        <source>your comfort plan</source>
        <translation>tu plan de comodidad</translation>
    </message>
    <message>
        <source>your step</source>
        <translation>tu paso</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>tu respuesta</translation>
    </message>
    <message>
        <source>A bell</source>
        <translation>Una campana</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Silencio</translation>
    </message>
</context>
<context>
    <name>StopRules</name>
    <message>
        <source>Before you begin</source>
        <translation>Antes de empezar</translation>
    </message>
    <message>
        <source>Breathe gently, not deeply. Nothing here needs effort.</source>
        <translation>Respira suavemente, sin forzar. Aquí nada requiere esfuerzo.</translation>
    </message>
    <message>
        <source>If you notice dizziness, tingling, air hunger, chest pain or panic, return to your natural breath. You can stop at any time.</source>
        <translation>Si notas mareo, hormigueo, falta de aire, dolor en el pecho o pánico, vuelve a tu respiración natural. Puedes parar en cualquier momento.</translation>
    </message>
    <message>
        <source>Practise seated or lying down — never while driving or in water.</source>
        <translation>Practica en una postura sentada o recostada, nunca mientras conduces ni dentro del agua.</translation>
    </message>
    <message>
        <source>Holds are always optional: you can breathe through them.</source>
        <translation>Las pausas siempre son opcionales: puedes seguir respirando durante ellas.</translation>
    </message>
    <message>
        <source>You can pause or stop at any time.</source>
        <translation>Puedes pausar o parar en cualquier momento.</translation>
    </message>
    <message>
        <source>Stop rules</source>
        <translation>Pautas para parar</translation>
    </message>
    <message>
        <source>Don&apos;t show this again for this practice</source>
        <translation>No volver a mostrar para esta práctica</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Not now, back to the library</source>
        <translation>Ahora no, volver a la biblioteca</translation>
    </message>
    <message>
        <source>I understand, begin</source>
        <translation>Entendido, empezar</translation>
    </message>
</context>
<context>
    <name>Tags</name>
    <message>
        <source>acceptance</source>
        <extracomment>Labels for the tags the built-in library uses (lupdate reads these for translation).</extracomment>
        <translation>aceptación</translation>
    </message>
    <message>
        <source>ACT</source>
        <translation>ACT</translation>
    </message>
    <message>
        <source>after a session</source>
        <translation>después de una sesión</translation>
    </message>
    <message>
        <source>arriving</source>
        <translation>llegar</translation>
    </message>
    <message>
        <source>awareness</source>
        <translation>conciencia</translation>
    </message>
    <message>
        <source>before a session</source>
        <translation>antes de una sesión</translation>
    </message>
    <message>
        <source>body</source>
        <translation>cuerpo</translation>
    </message>
    <message>
        <source>breath</source>
        <translation>respiración</translation>
    </message>
    <message>
        <source>calming</source>
        <translation>calma</translation>
    </message>
    <message>
        <source>check-in</source>
        <translation>registro</translation>
    </message>
    <message>
        <source>comfort</source>
        <translation>comodidad</translation>
    </message>
    <message>
        <source>containment</source>
        <translation>contención</translation>
    </message>
    <message>
        <source>long exhale</source>
        <translation>salida del aire larga</translation>
    </message>
    <message>
        <source>eyes open</source>
        <translation>ojos abiertos</translation>
    </message>
    <message>
        <source>focus</source>
        <translation>concentración</translation>
    </message>
    <message>
        <source>grounding</source>
        <translation>anclaje</translation>
    </message>
    <message>
        <source>breath holds</source>
        <translation>pausas de la respiración</translation>
    </message>
    <message>
        <source>imagery</source>
        <translation>imaginación</translation>
    </message>
    <message>
        <source>integration</source>
        <translation>integración</translation>
    </message>
    <message>
        <source>intention</source>
        <translation>intención</translation>
    </message>
    <message>
        <source>journaling</source>
        <translation>diario</translation>
    </message>
    <message>
        <source>mindfulness</source>
        <translation>mindfulness</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>openness</source>
        <translation>apertura</translation>
    </message>
    <message>
        <source>orienting</source>
        <translation>orientación</translation>
    </message>
    <message>
        <source>overwhelm</source>
        <translation>agobio</translation>
    </message>
    <message>
        <source>planning</source>
        <translation>planificación</translation>
    </message>
    <message>
        <source>questionnaire</source>
        <translation>cuestionario</translation>
    </message>
    <message>
        <source>reflection</source>
        <translation>reflexión</translation>
    </message>
    <message>
        <source>resource</source>
        <translation>recurso</translation>
    </message>
    <message>
        <source>at your own pace</source>
        <translation>a tu ritmo</translation>
    </message>
    <message>
        <source>senses</source>
        <translation>sentidos</translation>
    </message>
    <message>
        <source>session day</source>
        <translation>día de la sesión</translation>
    </message>
    <message>
        <source>set and setting</source>
        <translation>mentalidad y entorno</translation>
    </message>
    <message>
        <source>short</source>
        <translation>breve</translation>
    </message>
    <message>
        <source>sleep</source>
        <translation>sueño</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>ritmo lento</translation>
    </message>
    <message>
        <source>values</source>
        <translation>valores</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>semanal</translation>
    </message>
    <message>
        <source>wellbeing</source>
        <translation>bienestar</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>escritura</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <extracomment>Gentle practices offered when no session is planned (those in the library, in order).</extracomment>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Suggested for today</source>
        <extracomment>The intention, written or changed in place (saved for the next session).</extracomment>
        <translation>Sugerencias para hoy</translation>
    </message>
    <message>
        <source>Suggestions, not tasks — choose what feels right, or simply rest.</source>
        <translation>Sugerencias, no tareas: elige lo que te siente bien, o simplemente descansa.</translation>
    </message>
    <message>
        <source>When you know the date of your next KAP session, you might add it here. Today will then offer a few gentle practices for the days before and after.</source>
        <translation>Cuando sepas la fecha de tu próxima sesión de KAP, puedes añadirla aquí. Entonces “Hoy” te ofrecerá algunas prácticas suaves para los días de antes y de después.</translation>
    </message>
    <message>
        <source>Add a session…</source>
        <translation>Añadir una sesión…</translation>
    </message>
    <message>
        <source>Add a session date</source>
        <translation>Añadir una fecha de sesión</translation>
    </message>
    <message>
        <source>For any moment</source>
        <translation>Para cualquier momento</translation>
    </message>
    <message>
        <source>Your sessions…</source>
        <translation>Tus sesiones…</translation>
    </message>
    <message>
        <source>Your sessions</source>
        <translation>Tus sesiones</translation>
    </message>
    <message>
        <source>Add, change or remove your session dates</source>
        <translation>Añadir, cambiar o quitar las fechas de tus sesiones</translation>
    </message>
    <message>
        <source>I&apos;ve had my session</source>
        <translation>Ya tuve mi sesión</translation>
    </message>
    <message>
        <source>Mark today&apos;s session as done</source>
        <translation>Marcar la sesión de hoy como hecha</translation>
    </message>
    <message>
        <source>Today then suggests the practices for after your session</source>
        <translation>Entonces “Hoy” sugiere las prácticas para después de tu sesión</translation>
    </message>
    <message>
        <source>Today options</source>
        <translation>Opciones de Hoy</translation>
    </message>
    <message>
        <source>Show how many days in a row I have practised</source>
        <translation>Mostrar cuántos días seguidos he practicado</translation>
    </message>
    <message>
        <source>Off by default. A gap is never counted against you.</source>
        <translation>Desactivado de forma predeterminada. Un día sin practicar nunca cuenta en tu contra.</translation>
    </message>
    <message>
        <source>{title} — not in your library</source>
        <translation>{title} — no está en tu biblioteca</translation>
    </message>
    <message>
        <source>✓ {title}{length} — done today</source>
        <translation>✓ {title}{length} — hecha hoy</translation>
    </message>
    <message>
        <source>▶ {title}{length} — started today, {time}</source>
        <translation>▶ {title}{length} — empezada hoy, {time}</translation>
    </message>
    <message>
        <source>▶ {title}{length}</source>
        <translation>▶ {title}{length}</translation>
    </message>
    <message>
        <source>Start {title}</source>
        <translation>Empezar {title}</translation>
    </message>
    <message>
        <source>, done today</source>
        <translation>, hecha hoy</translation>
    </message>
    <message>
        <source>, started today for {time}</source>
        <translation>, empezada hoy, durante {time}</translation>
    </message>
    <message>
        <source>Today&apos;s plan could not be read from your journal ({error}).</source>
        <translation>No se pudo leer el plan de hoy desde tu diario ({error}).</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Te damos la bienvenida</translation>
    </message>
    <message>
        <source>No session planned</source>
        <translation>No hay ninguna sesión prevista</translation>
    </message>
    <message>
        <source>Your journal isn&apos;t open, so your sessions and today&apos;s plan can&apos;t be shown. Every practice still plays from the library.</source>
        <translation>Tu diario no está abierto, así que no se pueden mostrar tus sesiones ni el plan de hoy. Todas las prácticas se pueden reproducir igualmente desde la biblioteca.</translation>
    </message>
    <message>
        <source>You&apos;ve done each of today&apos;s suggestions. Resting is part of it too.</source>
        <translation>Has hecho todas las sugerencias de hoy. Descansar también forma parte.</translation>
    </message>
    <message>
        <source>The program “{names}” isn&apos;t in your library, so it can&apos;t suggest practices. You can choose another in Your sessions…</source>
        <translation>El programa “{names}” no está en tu biblioteca, así que no puede sugerir prácticas. Puedes elegir otro en Tus sesiones…</translation>
    </message>
    <message>
        <source>marking your session as done</source>
        <translation>tu sesión marcada como hecha</translation>
    </message>
    <message>
        <source>1 day with a practice</source>
        <translation>1 día con práctica</translation>
    </message>
    <message>
        <source>{0} days in a row with a practice</source>
        <translation>{0} días seguidos con práctica</translation>
    </message>
</context>
<context>
    <name>VoiceActions</name>
    <message>
        <source>Choose a guidance (say) step first.</source>
        <translation>Primero elige un paso de guía (say).</translation>
    </message>
    <message>
        <source>Fix the marked problems first, so the voice goes to the right step.</source>
        <translation>Primero corrige los problemas marcados, para que la voz vaya al paso correcto.</translation>
    </message>
    <message>
        <source>The clip was saved, but the text could not be changed: {e}.</source>
        <translation>El clip se guardó, pero no se pudo cambiar el texto: {e}.</translation>
    </message>
    <message>
        <source>Step {n} now plays your voice ({s} s; {t} s of silence trimmed, levelled to match the bells).</source>
        <translation>El paso {n} ahora reproduce tu voz ({s} s; se recortaron {t} s de silencio y se igualó el nivel con las campanas).</translation>
    </message>
    <message>
        <source>“{name}” is not a supported audio file. Please choose a WAV, OGG, FLAC or MP3 file.</source>
        <translation>“{name}” no es un archivo de audio compatible. Por favor, elige un archivo WAV, OGG, FLAC o MP3.</translation>
    </message>
    <message>
        <source>“{name}” could not be read as audio — the file may be damaged. Try exporting it again as WAV, OGG, FLAC or MP3.</source>
        <translation>“{name}” no se pudo leer como audio; puede que el archivo esté dañado. Prueba a exportarlo de nuevo como WAV, OGG, FLAC o MP3.</translation>
    </message>
    <message>
        <source>The recording seems to be silent. Check that the right microphone was chosen, or import another file.</source>
        <translation>La grabación parece estar en silencio. Comprueba que elegiste el micrófono correcto, o importa otro archivo.</translation>
    </message>
    <message>
        <source>The recording is too short to use (under a fifth of a second of sound). Please record or import a longer clip.</source>
        <translation>La grabación es demasiado corta para usarla (menos de una quinta parte de segundo de sonido). Por favor, graba o importa un clip más largo.</translation>
    </message>
    <message>
        <source>The clip could not be saved in {name}. Check there is free space and that the folder can be written.</source>
        <translation>No se pudo guardar el clip en {name}. Comprueba que hay espacio libre y que se puede escribir en la carpeta.</translation>
    </message>
    <message>
        <source>Step {n} shows its words again, without a voice.</source>
        <translation>El paso {n} vuelve a mostrar su texto, sin voz.</translation>
    </message>
</context>
<context>
    <name>VoiceLink</name>
    <message>
        <source>The spoken voice is turned off in Settings.</source>
        <extracomment>Seconds with nothing left to say before the app lets the voice&apos;s model go (about 110 MiB, loaded again in about a second when next needed: a practice chosen, an answer). How often a &quot;Listen&quot; request looks for its clip (ms); the clip is usually there at once. A clip of the open practice arrived (or failed); emitted from the worker thread. False turns the synthetic voice off for good (the UI tests that are not about it). The settings in use (the player keeps them current; &quot;Listen&quot; reads them).</extracomment>
        <translation>La voz está desactivada en Ajustes.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>French</source>
        <translation>francés</translation>
    </message>
    <message>
        <source>German</source>
        <translation>alemán</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>portugués</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>italiano</translation>
    </message>
    <message>
        <source>No voice for {language} is installed on this computer; the words are shown on screen.</source>
        <translation>No hay ninguna voz en {language} instalada en este ordenador; el texto se muestra en pantalla.</translation>
    </message>
    <message>
        <source>The spoken voice is not installed on this computer; the words are shown on screen.</source>
        <translation>La voz no está instalada en este ordenador; el texto se muestra en pantalla.</translation>
    </message>
    <message>
        <source>The spoken voice could not be started; the words are shown on screen. Reinstalling KAP Companion repairs it.</source>
        <translation>No se pudo iniciar la voz; el texto se muestra en pantalla. Reinstalar KAP Companion lo soluciona.</translation>
    </message>
    <message>
        <source>The chosen voice is not on this computer; the words are shown on screen. You can choose another voice in Settings.</source>
        <translation>La voz elegida no está en este ordenador; el texto se muestra en pantalla. Puedes elegir otra voz en Ajustes.</translation>
    </message>
    <message>
        <source>A passage could not be spoken; its words are shown on screen.</source>
        <translation>Un fragmento no se pudo decir en voz alta; su texto se muestra en pantalla.</translation>
    </message>
</context>
<context>
    <name>VoicePanel</name>
    <message>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <source>No microphone found — you can import a recording instead.</source>
        <translation>No se encontró ningún micrófono; puedes importar una grabación en su lugar.</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>Grabar…</translation>
    </message>
    <message>
        <source>Record a voice clip for this step</source>
        <translation>Grabar un clip de voz para este paso</translation>
    </message>
    <message>
        <source>Import audio…</source>
        <translation>Importar audio…</translation>
    </message>
    <message>
        <source>Import an audio file for this step</source>
        <translation>Importar un archivo de audio para este paso</translation>
    </message>
    <message>
        <source>WAV, OGG, FLAC or MP3</source>
        <translation>WAV, OGG, FLAC o MP3</translation>
    </message>
    <message>
        <source>Remove voice</source>
        <translation>Quitar la voz</translation>
    </message>
    <message>
        <source>Remove this step&apos;s voice clip</source>
        <translation>Quitar el clip de voz de este paso</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Escuchar</translation>
    </message>
    <message>
        <source>Listen to this step</source>
        <translation>Escuchar este paso</translation>
    </message>
    <message>
        <source>Its recorded clip, or the built-in voice saying its words</source>
        <translation>Su clip grabado, o la voz incluida diciendo su texto</translation>
    </message>
    <message>
        <source>Choose a microphone, record, listen back, then use it.</source>
        <translation>Elige un micrófono, graba, escucha y después úsalo.</translation>
    </message>
    <message>
        <source>Choose a guidance (say) step to give it your voice.</source>
        <translation>Elige un paso de guía (say) para ponerle tu voz.</translation>
    </message>
    <message>
        <source>Step {n} is not a guidance step; only say steps carry a voice.</source>
        <translation>El paso {n} no es un paso de guía; solo los pasos say llevan voz.</translation>
    </message>
    <message>
        <source>Step {n} plays your clip “{name}”.</source>
        <translation>El paso {n} reproduce tu clip “{name}”.</translation>
    </message>
    <message>
        <source>Step {n} has no voice yet; its words are shown on screen.</source>
        <translation>El paso {n} aún no tiene voz; su texto se muestra en pantalla.</translation>
    </message>
</context>
<context>
    <name>VoiceTab</name>
    <message>
        <source>Speak each practice&apos;s words with the built-in voice</source>
        <translation>Decir el texto de cada práctica con la voz incluida</translation>
    </message>
    <message>
        <source>The voice works offline, on this computer. It speaks English; practices in other languages use your system&apos;s voice for that language, if there is one.</source>
        <translation>La voz funciona sin conexión, en este ordenador. Habla en inglés; las prácticas en otros idiomas usan la voz de tu sistema para ese idioma, si la hay.</translation>
    </message>
    <message>
        <source>Which voice</source>
        <translation>Qué voz</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <source>No voice is installed on this computer; the words are shown on screen.</source>
        <translation>No hay ninguna voz instalada en este ordenador; el texto se muestra en pantalla.</translation>
    </message>
    <message>
        <source>Pace of the voice</source>
        <translation>Ritmo de la voz</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Ritmo</translation>
    </message>
    <message>
        <source>Say the first breaths aloud: “in”, “hold”, “out”</source>
        <translation>Decir en voz alta las primeras respiraciones: “in”, “hold”, “out”</translation>
    </message>
    <message>
        <source>On the first three breaths of a breathing practice; tones after that.</source>
        <translation>En las tres primeras respiraciones de una práctica de respiración; después, solo tonos.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Clear the saved speech</source>
        <translation>Borrar la voz guardada</translation>
    </message>
    <message>
        <source>Saved speech</source>
        <translation>Voz guardada</translation>
    </message>
    <message>
        <source>British English</source>
        <translation>inglés británico</translation>
    </message>
    <message>
        <source>American English</source>
        <translation>inglés estadounidense</translation>
    </message>
    <message>
        <source>{n}×</source>
        <translation>{n}×</translation>
    </message>
    <message>
        <source>{mb} MB of speech saved on this computer, so practices start at once.</source>
        <translation>{mb} MB de voz guardada en este ordenador, para que las prácticas empiecen enseguida.</translation>
    </message>
</context>
<context>
    <name>Who5Chart</name>
    <message>
        <source>Weekly wellbeing (WHO-5, 0–100)</source>
        <translation>Bienestar semanal (WHO-5, 0–100)</translation>
    </message>
    <message>
        <source>No complete WHO-5 check-ins yet. The weekly WHO-5 practice adds one.</source>
        <translation>Aún no hay ningún registro completo del WHO-5 (índice de bienestar). La práctica semanal del WHO-5 añade uno.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Score (0–100)</source>
        <translation>Puntuación (0–100)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>{0} weekly scores, first {1}, latest {2}; changes of {4} points or more: {3} (marked with a ring); the band shows {4} points either side of your first score. A score of {5} or lower is a good reason to talk with someone you trust, such as your therapist.</source>
        <translation>{0} puntuaciones semanales, la primera {1}, la última {2}; cambios de {4} puntos o más: {3} (marcados con un círculo); la franja muestra {4} puntos por encima y por debajo de tu primera puntuación. Una puntuación de {5} o menos es un buen motivo para hablar con alguien de confianza, como tu terapeuta.</translation>
    </message>
    <message>
        <source>- - line at {0}    ··· band: within {1} points of your first score    ◯ a change of {1} points or more since the week before</source>
        <translation>- - línea en {0}    ··· franja: ±{1} puntos de tu primera puntuación    ◯ cambio de {1} puntos o más desde la semana anterior</translation>
    </message>
</context>
</TS>
