<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../canvass_app/ui/app.py" line="69"/>
        <source>No system keychain is available. Choose a passphrase (8+ characters) to protect this device&apos;s data:</source>
        <translation>No hay un llavero del sistema disponible. Elija una frase de contraseña (8 o más caracteres) para proteger los datos de este dispositivo:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/app.py" line="72"/>
        <source>Enter the passphrase that protects this device&apos;s Canvass data:</source>
        <translation>Escriba la frase de contraseña que protege los datos de Canvass de este dispositivo:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/app.py" line="74"/>
        <source>Canvass passphrase</source>
        <translation>Frase de contraseña de Canvass</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/app.py" line="79"/>
        <source>Repeat the passphrase:</source>
        <translation>Repita la frase de contraseña:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/app.py" line="82"/>
        <source>The two passphrases differ; nothing was created.</source>
        <translation>Las dos frases de contraseña no coinciden; no se creó nada.</translation>
    </message>
</context>
<context>
    <name>Ballots</name>
    <message>
        <location filename="../../canvass_app/ballots/receipts.py" line="31"/>
        <source>Your receipt is published under “{0}”: your vote was counted as cast.</source>
        <translation>Su recibo está publicado bajo «{0}»: su voto se contó tal como lo emitió.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ballots/receipts.py" line="33"/>
        <source>(It is your earlier vote: the later one did not reach the server before the ballot closed.)</source>
        <translation>(Es su voto anterior: el posterior no llegó al servidor antes del cierre de la votación.)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ballots/receipts.py" line="36"/>
        <source>Your receipt is published under another choice than “{0}”: report this to your county lead.</source>
        <translation>Su recibo está publicado bajo otra opción distinta de «{0}»: avise a su líder de condado.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ballots/receipts.py" line="39"/>
        <source>Your receipt for “{0}” is not among the published receipts: your vote was not counted (or a later vote from another of your devices replaced it).</source>
        <translation>Su recibo para «{0}» no está entre los recibos publicados: su voto no se contó (o lo reemplazó un voto posterior desde otro de sus dispositivos).</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ballots/receipts.py" line="43"/>
        <source>The published receipts do not add up to the published result.</source>
        <translation>Los recibos publicados no suman el resultado publicado.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ballots/votes.py" line="56"/>
        <source>choose support, oppose or abstain</source>
        <translation>elija a favor, en contra o abstención</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ballots/votes.py" line="59"/>
        <source>no such ballot here: sync first to receive the ballots</source>
        <translation>esa votación no está aquí: sincronice primero para recibir las votaciones</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ballots/votes.py" line="61"/>
        <source>this ballot is not open for votes</source>
        <translation>esta votación no está abierta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/sync/receipts.py" line="25"/>
        <source>this device is not enrolled: receipts come from the server</source>
        <translation>este dispositivo no está inscrito: los recibos vienen del servidor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="35"/>
        <source>Support</source>
        <translation>A favor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="35"/>
        <source>Oppose</source>
        <translation>En contra</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="36"/>
        <source>Abstain</source>
        <translation>Abstención</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="46"/>
        <source>{0} days {1} h left</source>
        <translation>quedan {0} días {1} h</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="48"/>
        <source>{0} h {1} min left</source>
        <translation>quedan {0} h {1} min</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="49"/>
        <source>{0} min left</source>
        <translation>quedan {0} min</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="82"/>
        <source>Optional comment for the policy council</source>
        <translation>Comentario opcional para el consejo de políticas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="83"/>
        <source>Vote comment</source>
        <translation>Comentario del voto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="98"/>
        <source>Check my receipt</source>
        <translation>Comprobar mi recibo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="99"/>
        <source>Fetch the published receipts and look for yours</source>
        <translation>Descargar los recibos publicados y buscar el suyo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="109"/>
        <source>county</source>
        <translation>condado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="109"/>
        <source>state</source>
        <translation>estado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="110"/>
        <source>national</source>
        <translation>nacional</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="111"/>
        <source>ballot {0}, {1}</source>
        <translation>votación {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="113"/>
        <source>Open until {0} UTC — {1}</source>
        <translation>Abierta hasta {0} UTC — {1}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="116"/>
        <source>Closed {0} UTC — the result arrives with the next sync</source>
        <translation>Cerrada {0} UTC — el resultado llega con la próxima sincronización</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="135"/>
        <source>Your vote: {0}{1}, cast {2} UTC.</source>
        <translation>Su voto: {0}{1}, emitido {2} UTC.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="119"/>
        <source>Passed</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="119"/>
        <source>Not passed</source>
        <translation>No aprobada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="120"/>
        <source>quorum met</source>
        <translation>con quórum</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="120"/>
        <source>no quorum</source>
        <translation>sin quórum</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="121"/>
        <source>{0} support · {1} oppose · {2} abstain; {3} of {4} voted, {5}</source>
        <translation>{0} a favor · {1} en contra · {2} abstenciones; votaron {3} de {4}, {5}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="128"/>
        <source>You have not voted.</source>
        <translation>No ha votado.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="131"/>
        <source>Your vote: {0} — not accepted by the server: {1}. It is not counted.</source>
        <translation>Su voto: {0} — el servidor no lo aceptó: {1}. No se cuenta.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="137"/>
        <source>A new vote replaces it until the ballot closes.</source>
        <translation>Un voto nuevo lo reemplaza hasta el cierre de la votación.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="143"/>
        <source>Receipt checked: your vote is counted under your choice.</source>
        <translation>Recibo comprobado: su voto se cuenta bajo su opción.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="145"/>
        <source>Receipt published under another choice: tell your county lead.</source>
        <translation>Recibo publicado bajo otra opción: avise a su líder de condado.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="147"/>
        <source>Your receipt is not among the published ones: your vote was not counted.</source>
        <translation>Su recibo no está entre los publicados: su voto no se contó.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="149"/>
        <source>Receipt not checked yet.</source>
        <translation>Recibo aún sin comprobar.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="158"/>
        <source>Ballots</source>
        <translation>Votaciones</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="217"/>
        <source>Vote changed to {0}</source>
        <translation>Voto cambiado a {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="218"/>
        <source>Vote recorded: {0}</source>
        <translation>Voto registrado: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="219"/>
        <source>sent at the next sync</source>
        <translation>se envía en la próxima sincronización</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="228"/>
        <source>Checking receipts…</source>
        <translation>Comprobando recibos…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="234"/>
        <source>Vote not recorded: {0}</source>
        <translation>Voto no registrado: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/ballots_panel.py" line="238"/>
        <source>Ballots: {0}</source>
        <translation>Votaciones: {0}</translation>
    </message>
</context>
<context>
    <name>BriefsPage</name>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="59"/>
        <source>Proposed</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="60"/>
        <source>Adopted</source>
        <translation>Adoptada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="61"/>
        <source>Retired</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="80"/>
        <source>Policy Briefs</source>
        <translation>Propuestas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="100"/>
        <source>Search titles, text and talking points (Ctrl+F)</source>
        <translation>Buscar en títulos, texto y puntos clave (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="102"/>
        <source>Search briefs</source>
        <translation>Buscar propuestas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="107"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="114"/>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="226"/>
        <source>All briefs</source>
        <translation>Todas las propuestas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="226"/>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="238"/>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="482"/>
        <source>Bookmarked</source>
        <translation>Marcadas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="125"/>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="150"/>
        <source>Briefs</source>
        <translation>Propuestas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="144"/>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="151"/>
        <source>Secured Rights</source>
        <translation>Derechos Garantizados</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="179"/>
        <source>Doorstep: talking points only</source>
        <translation>En la puerta: solo puntos clave</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="182"/>
        <source>A compact view for the doorstep (Ctrl+D)</source>
        <translation>Una vista compacta para la puerta (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="185"/>
        <source>Smaller text (Ctrl+-)</source>
        <translation>Texto más pequeño (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="186"/>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="189"/>
        <source>Larger text (Ctrl++)</source>
        <translation>Texto más grande (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="190"/>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="239"/>
        <source>Bookmark</source>
        <translation>Marcar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="193"/>
        <source>Bookmark this brief (Ctrl+B)</source>
        <translation>Marcar esta propuesta (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="154"/>
        <source>Print handout…</source>
        <translation>Imprimir folleto…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="159"/>
        <source>Save handout as PDF…</source>
        <translation>Guardar folleto como PDF…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="202"/>
        <source>Brief</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="233"/>
        <source>Choose a brief on the left, or search.</source>
        <translation>Elija una propuesta a la izquierda, o busque.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="304"/>
        <source>Loaded {0} bundled briefs</source>
        <translation>Se cargaron {0} propuestas incluidas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="314"/>
        <source>{0} briefs</source>
        <translation>{0} propuestas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="323"/>
        <source>charter conflict</source>
        <translation>conflicto con la carta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="395"/>
        <source>{0} matches</source>
        <translation>{0} resultados</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="396"/>
        <source>No brief matches — try fewer words</source>
        <translation>Ninguna propuesta coincide: pruebe con menos palabras</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="465"/>
        <source>Text size {0} pt</source>
        <translation>Tamaño del texto {0} pt</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="483"/>
        <source>Bookmark removed</source>
        <translation>Marca quitada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="506"/>
        <source>conflicts:</source>
        <translation>entra en conflicto con:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="509"/>
        <source>This proposal declares a conflict with this right, so it can never be adopted as it stands: {0}</source>
        <translation>Esta propuesta declara un conflicto con este derecho, así que no puede adoptarse tal como está: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="155"/>
        <source>Print a handout of the selected briefs (select several with Ctrl+click) (Ctrl+P)</source>
        <translation>Imprimir un folleto con los resúmenes elegidos (elija varios con Ctrl+clic) (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="160"/>
        <source>Save a handout of the selected briefs as a PDF file (Ctrl+S)</source>
        <translation>Guardar un folleto con los resúmenes elegidos como archivo PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="570"/>
        <source>Policy brief handout</source>
        <translation>Folleto de propuestas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="579"/>
        <source>Sent the handout ({0} pages) to the printer</source>
        <translation>Folleto enviado a la impresora ({0} páginas)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="585"/>
        <source>Save handout</source>
        <translation>Guardar folleto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="586"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="590"/>
        <source>Handout saved to {0} ({1} pages)</source>
        <translation>Folleto guardado en {0} ({1} páginas)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="600"/>
        <source>Policy briefs: {0}</source>
        <translation>Propuestas: {0}</translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <location filename="../../canvass_app/ui/models/candidate_table_model.py" line="16"/>
        <source>Candidate</source>
        <translation>Candidato</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/candidate_table_model.py" line="17"/>
        <source>Office</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/candidate_table_model.py" line="18"/>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/candidate_table_model.py" line="19"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/candidate_table_model.py" line="20"/>
        <source>Promises broken</source>
        <translation>Promesas incumplidas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/candidate_table_model.py" line="21"/>
        <source>Recall petition</source>
        <translation>Petición de revocación</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/candidate_table_model.py" line="23"/>
        <source>in vetting</source>
        <translation>en evaluación</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/candidate_table_model.py" line="24"/>
        <source>endorsed</source>
        <translation>respaldado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/candidate_table_model.py" line="25"/>
        <source>withdrawn</source>
        <translation>retirado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/candidate_table_model.py" line="26"/>
        <source>recalled</source>
        <translation>revocado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/candidate_table_model.py" line="36"/>
        <source>recall ballot open</source>
        <translation>votación de revocación abierta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/candidate_table_model.py" line="37"/>
        <source>{0} of {1} signatures</source>
        <translation>{0} de {1} firmas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/candidate_table_model.py" line="40"/>
        <source>signed</source>
        <translation>firmada</translation>
    </message>
</context>
<context>
    <name>Candidates</name>
    <message>
        <location filename="../../canvass_app/candidates/candidates.py" line="138"/>
        <source>no such candidate here: sync first to receive the candidates</source>
        <translation>no hay tal candidato aquí: sincronice primero para recibir los candidatos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/candidates.py" line="141"/>
        <source>this candidate&apos;s recall petition takes no signatures now</source>
        <translation>la petición de revocación de este candidato no admite firmas ahora</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/candidates.py" line="143"/>
        <source>only members of the candidate&apos;s district sign the petition</source>
        <translation>solo los miembros del distrito del candidato firman la petición</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/candidates.py" line="146"/>
        <source>you have already signed this petition</source>
        <translation>ya firmó esta petición</translation>
    </message>
</context>
<context>
    <name>CandidatesPage</name>
    <message>
        <location filename="../../canvass_app/ui/pages/candidates.py" line="32"/>
        <source>aligned</source>
        <translation>alineado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/candidates.py" line="33"/>
        <source>against</source>
        <translation>en contra</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/candidates.py" line="34"/>
        <source>absent</source>
        <translation>ausente</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/candidates.py" line="35"/>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/candidates.py" line="72"/>
        <source>Officials&apos; votes scored against the policies the members adopted. Pick one to see every vote behind the score.</source>
        <translation>Los votos de los cargos electos, puntuados frente a las políticas que adoptaron los miembros. Elija uno para ver cada voto detrás de la puntuación.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/candidates.py" line="78"/>
        <source>Search by name, party or district</source>
        <translation>Buscar por nombre, partido o distrito</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/candidates.py" line="79"/>
        <source>Search officials</source>
        <translation>Buscar cargos electos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/candidates.py" line="93"/>
        <source>Officials</source>
        <translation>Cargos electos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/candidates.py" line="95"/>
        <source>Votes behind the score</source>
        <translation>Votos detrás de la puntuación</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/candidates.py" line="111"/>
        <source>Officials&apos; scorecards</source>
        <translation>Calificaciones de los funcionarios</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/candidates.py" line="113"/>
        <source>Our candidates</source>
        <translation>Nuestros candidatos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/candidates.py" line="158"/>
        <source>No official matches the search.</source>
        <translation>Ningún cargo electo coincide con la búsqueda.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/candidates.py" line="160"/>
        <source>No scorecards on this device yet: they arrive with a sync.</source>
        <translation>Aún no hay fichas en este dispositivo: llegan con una sincronización.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/candidates.py" line="164"/>
        <source>The scorecards could not be read: {0}</source>
        <translation>No se pudieron leer las fichas: {0}</translation>
    </message>
</context>
<context>
    <name>CandidatesPanel</name>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="30"/>
        <source>Kept the promise</source>
        <translation>Cumplió la promesa</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="31"/>
        <source>Broke the promise</source>
        <translation>Incumplió la promesa</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="32"/>
        <source>Did not vote yes or no</source>
        <translation>No votó sí ni no</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="33"/>
        <source>support</source>
        <translation>a favor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="34"/>
        <source>oppose</source>
        <translation>en contra</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="36"/>
        <source>You signed; your receipt is published: your signature is counted.</source>
        <translation>Usted firmó; su comprobante está publicado: su firma se cuenta.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="38"/>
        <source>You signed; the signature is sent at the next sync.</source>
        <translation>Usted firmó; la firma se envía en la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="39"/>
        <source>You signed and the server took it, but your receipt is not among the published ones: report this to your county lead.</source>
        <translation>Usted firmó y el servidor la recibió, pero su comprobante no está entre los publicados: informe a su responsable del condado.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="41"/>
        <source>You signed, but the server refused the signature: {0}</source>
        <translation>Usted firmó, pero el servidor rechazó la firma: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="43"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="43"/>
        <source>Bill</source>
        <translation>Proyecto de ley</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="44"/>
        <source>Policy</source>
        <translation>Política</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="44"/>
        <source>Promised</source>
        <translation>Prometió</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="45"/>
        <source>Voted</source>
        <translation>Votó</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="45"/>
        <source>What it means</source>
        <translation>Qué significa</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="59"/>
        <source>No voting record on this device: a newcomer, or the scorecards arrive with a sync.</source>
        <translation>No hay historial de votaciones en este dispositivo: es alguien nuevo, o las calificaciones llegan con una sincronización.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="62"/>
        <source>No scored vote on a policy of the questionnaire yet.</source>
        <translation>Aún no hay votos calificados sobre una política del cuestionario.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="69"/>
        <source>{0}: promised to {1} {2}, voted {3}.</source>
        <translation>{0}: prometió {1} {2}, votó {3}.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="82"/>
        <source>{0} of {1} signatures: at {1}, a recall ballot of the district opens (two thirds to recall).</source>
        <translation>{0} de {1} firmas: al llegar a {1} se abre una votación de revocación del distrito (se necesitan dos tercios para revocar).</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="87"/>
        <source>The recall ballot is open (ballot {0}).</source>
        <translation>La votación de revocación está abierta (votación {0}).</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="90"/>
        <source>Only an endorsed candidate can be recalled.</source>
        <translation>Solo se puede revocar a un candidato respaldado.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="95"/>
        <source>Members of the candidate&apos;s district sign this petition.</source>
        <translation>Los miembros del distrito del candidato firman esta petición.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="102"/>
        <source>district {0}</source>
        <translation>distrito {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="105"/>
        <source>The members recalled this candidate: nominations for the seat are open.</source>
        <translation>Los miembros revocaron a este candidato: las nominaciones para el puesto están abiertas.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="109"/>
        <source>{0} vote(s) went against what this candidate promised.</source>
        <translation>{0} voto(s) fueron en contra de lo que este candidato prometió.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="111"/>
        <source>Questionnaire</source>
        <translation>Cuestionario</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="112"/>
        <source>Promised to {0} {1}</source>
        <translation>Prometió {0} {1}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="116"/>
        <source>No answers yet.</source>
        <translation>Aún no hay respuestas.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="117"/>
        <source>Promises against votes</source>
        <translation>Promesas frente a votos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="118"/>
        <source>Recall petition</source>
        <translation>Petición de revocación</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="132"/>
        <source>The alliance&apos;s own candidates: what they promised, how they voted, and the recall petition of your district&apos;s.</source>
        <translation>Los candidatos propios de la alianza: qué prometieron, cómo votaron y la petición de revocación de los de su distrito.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="144"/>
        <source>Candidates</source>
        <translation>Candidatos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="146"/>
        <source>The candidate&apos;s record</source>
        <translation>El historial del candidato</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="148"/>
        <source>Sign recall petition</source>
        <translation>Firmar la petición de revocación</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="149"/>
        <source>Sign this candidate&apos;s recall petition as yourself (sent at the next sync; one signature each)</source>
        <translation>Firmar la petición de revocación de este candidato en su propio nombre (se envía en la próxima sincronización; una firma por persona)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="207"/>
        <source>No candidates on this device yet: they arrive with a sync.</source>
        <translation>Aún no hay candidatos en este dispositivo: llegan con una sincronización.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="222"/>
        <source>You signed the recall petition of {0}; it is sent at the next sync.</source>
        <translation>Firmó la petición de revocación de {0}; se envía en la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="231"/>
        <source>Not signed: {0}</source>
        <translation>No firmada: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/candidates_panel.py" line="233"/>
        <source>The candidates could not be read: {0}</source>
        <translation>No se pudieron leer los candidatos: {0}</translation>
    </message>
</context>
<context>
    <name>Chase</name>
    <message>
        <location filename="../../canvass_app/gotv/chase_pdf.py" line="28"/>
        <source>Election day chase {0}: supporters who have not voted</source>
        <translation>Movilización del día de la elección {0}: simpatizantes que aún no han votado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/gotv/chase_pdf.py" line="48"/>
        <source>{0} · vote at {1}</source>
        <translation>{0} · vota en {1}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/gotv/chase_pdf.py" line="54"/>
        <source>hours not given</source>
        <translation>horario no indicado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/gotv/chase_pdf.py" line="58"/>
        <source>Polling places:</source>
        <translation>Centros de votación:</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="58"/>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="61"/>
        <source>Search voters</source>
        <translation>Buscar votantes</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="63"/>
        <source>Search name, address, phone or voter id…</source>
        <translation>Buscar nombre, dirección, teléfono o número de votante…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="64"/>
        <source>Search as you type (Ctrl+F)</source>
        <translation>Busca mientras escribe (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="69"/>
        <source>Sort by name</source>
        <translation>Ordenar por nombre</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="71"/>
        <source>Sort by address (walk order)</source>
        <translation>Ordenar por dirección (orden de recorrido)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="72"/>
        <source>Sort by name, or by address in walk order (within a turf: the walk-list lines)</source>
        <translation>Ordenar por nombre, o por dirección en orden de recorrido (en una zona: las líneas de la lista)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="74"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="38"/>
        <source>Precinct</source>
        <translation>Precinto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="39"/>
        <source>Party</source>
        <translation>Partido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="40"/>
        <source>Turf</source>
        <translation>Zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="41"/>
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="42"/>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="160"/>
        <source>Contacted</source>
        <translation>Contactado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="43"/>
        <source>Last result</source>
        <translation>Último resultado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="44"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="156"/>
        <source>Filter by {0}</source>
        <translation>Filtrar por {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="157"/>
        <source>{0}: any</source>
        <translation>{0}: cualquiera</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="159"/>
        <source>Support {0}</source>
        <translation>Apoyo {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="161"/>
        <source>Not contacted</source>
        <translation>Sin contactar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="338"/>
        <source>not accepted by the server: {0}</source>
        <translation>el servidor no lo aceptó: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="88"/>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="89"/>
        <source>Show everyone again (Ctrl+Shift+X)</source>
        <translation>Mostrar a todos de nuevo (Ctrl+Mayús+X)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="94"/>
        <source>Voters</source>
        <translation>Votantes</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="108"/>
        <source>Household and contact history</source>
        <translation>Hogar e historial de contactos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="230"/>
        <source>{0}+ voters match: type more to narrow</source>
        <translation>{0}+ votantes coinciden: escriba más para acotar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="234"/>
        <source>{0}+ voters, counting…</source>
        <translation>{0}+ votantes, contando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="265"/>
        <source>&lt;p style=&apos;color:#666&apos;&gt;Choose a voter to see the household and its contacts.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#666&apos;&gt;Elija un votante para ver su hogar y sus contactos.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="139"/>
        <source>Could not load voters: {0}</source>
        <translation>No se pudieron cargar los votantes: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="185"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="227"/>
        <source>voter</source>
        <translation>votante</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="227"/>
        <source>voters</source>
        <translation>votantes</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="239"/>
        <source> matches</source>
        <translation> coincidencias</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="239"/>
        <source> match</source>
        <translation> coincidencia</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="295"/>
        <source>&lt;p&gt;This voter is no longer in the store.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Este votante ya no está en los datos.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="304"/>
        <source>Precinct {0}</source>
        <translation>Precinto {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="309"/>
        <source>&lt;p style=&apos;color:#555;margin-top:0&apos;&gt;{0} · {1} in household&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#555;margin-top:0&apos;&gt;{0} · {1} en el hogar&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="319"/>
        <source>&lt;p style=&apos;color:#777;margin-top:2px&apos;&gt;No contacts yet.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777;margin-top:2px&apos;&gt;Aún sin contactos.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="324"/>
        <source>support {0}</source>
        <translation>apoyo {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="326"/>
        <source>volunteer</source>
        <translation>voluntario</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="327"/>
        <source>needs a ride</source>
        <translation>necesita transporte</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="332"/>
        <source>undo of {0}</source>
        <translation>deshacer {0}</translation>
    </message>
</context>
<context>
    <name>Cure</name>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="17"/>
        <source>The witness&apos;s information on the return envelope is incomplete.</source>
        <translation>Los datos del testigo en el sobre de devolución están incompletos.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="19"/>
        <source>The witness&apos;s or assistant&apos;s signature is missing on the return envelope.</source>
        <translation>Falta la firma del testigo o del asistente en el sobre de devolución.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="21"/>
        <source>The witness&apos;s or assistant&apos;s address is missing on the return envelope.</source>
        <translation>Falta la dirección del testigo o del asistente en el sobre de devolución.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="23"/>
        <source>The assistant&apos;s information on the return envelope is incomplete.</source>
        <translation>Los datos del asistente en el sobre de devolución están incompletos.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="25"/>
        <source>The voter did not sign the return envelope.</source>
        <translation>El votante no firmó el sobre de devolución.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="26"/>
        <source>The signature on the envelope does not match the one on file.</source>
        <translation>La firma del sobre no coincide con la registrada.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="28"/>
        <source>The return envelope was not properly notarized.</source>
        <translation>El sobre de devolución no se notarizó correctamente.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="29"/>
        <source>The ballot has a problem; the county has asked the voter to fix it (cure pending).</source>
        <translation>La boleta tiene un problema; el condado pidió al votante que lo corrija (corrección pendiente).</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="31"/>
        <source>The voter must send a copy of a photo ID for the ballot to count.</source>
        <translation>El votante debe enviar una copia de una identificación con foto para que la boleta cuente.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="32"/>
        <source>The return envelope was not sealed.</source>
        <translation>El sobre de devolución no estaba cerrado.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="33"/>
        <source>The return envelope came back without the ballot.</source>
        <translation>El sobre de devolución llegó sin la boleta.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="34"/>
        <source>The ballot came back in another voter&apos;s envelope.</source>
        <translation>La boleta llegó en el sobre de otro votante.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="35"/>
        <source>The ballot was spoiled: the voter needs a new ballot, or can vote in person.</source>
        <translation>La boleta se anuló: el votante necesita una nueva o puede votar en persona.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="37"/>
        <source>The post office could not deliver the ballot: check the mailing address and request a new one.</source>
        <translation>El correo no pudo entregar la boleta: revise la dirección postal y solicite una nueva.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="39"/>
        <source>The ballot request was cancelled: the voter can request a new ballot or vote in person.</source>
        <translation>La solicitud de boleta se canceló: el votante puede solicitar una nueva o votar en persona.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="41"/>
        <source>The ballot was not voted: the voter can request a new one or vote in person.</source>
        <translation>La boleta no se votó: el votante puede solicitar una nueva o votar en persona.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="43"/>
        <source>The county has two ballots for this voter and must sort it out.</source>
        <translation>El condado tiene dos boletas de este votante y debe resolverlo.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="44"/>
        <source>The ballot could not be sent electronically.</source>
        <translation>La boleta no se pudo enviar por vía electrónica.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="46"/>
        <source>Mail ballot requested, not returned yet.</source>
        <translation>Boleta por correo solicitada, aún no devuelta.</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voted/status.py" line="47"/>
        <source>Returned with the status “{0}”: ask the county board what the voter must do.</source>
        <translation>Devuelta con el estado «{0}»: pregunte a la junta electoral del condado qué debe hacer el votante.</translation>
    </message>
</context>
<context>
    <name>CutDialog</name>
    <message>
        <location filename="../../canvass_app/ui/dialogs/cut_dialog.py" line="29"/>
        <source>Cut turfs</source>
        <translation>Dividir zonas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/cut_dialog.py" line="31"/>
        <source>Cut the households of {county} that are not in a turf yet.</source>
        <translation>Dividir los hogares de {county} que aún no están en una zona.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/cut_dialog.py" line="32"/>
        <source>the county</source>
        <translation>el condado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/cut_dialog.py" line="33"/>
        <source>One turf per &amp;precinct</source>
        <translation>Una zona por &amp;precinto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/cut_dialog.py" line="34"/>
        <source>Turfs of about this many &amp;doors:</source>
        <translation>Zonas de unas tantas &amp;puertas:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/cut_dialog.py" line="36"/>
        <source>One turf from the &amp;streets chosen below</source>
        <translation>Un turf con las &amp;calles elegidas abajo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/cut_dialog.py" line="44"/>
        <source>Doors per turf</source>
        <translation>Puertas por zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/cut_dialog.py" line="46"/>
        <source>Streets for a turf cut by hand</source>
        <translation>Calles para un turf cortado a mano</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/cut_dialog.py" line="49"/>
        <source>{street} ({n} doors)</source>
        <translation>{street} ({n} puertas)</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="65"/>
        <source>Welcome to Canvass</source>
        <translation>Bienvenido a Canvass</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="66"/>
        <source>How do you want to start? You can change this later.</source>
        <translation>¿Cómo quiere empezar? Puede cambiarlo después.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="71"/>
        <source>Try the &amp;demo county</source>
        <translation>Probar el condado de &amp;demostración</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="72"/>
        <source>A made-up county with voters, turfs and briefs, to learn the app safely.</source>
        <translation>Un condado inventado con votantes, zonas y propuestas, para aprender sin riesgo.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="73"/>
        <source>&amp;Connect to my organisation</source>
        <translation>&amp;Conectar con mi organización</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="74"/>
        <source>Use the server address and the enrollment code your county lead gave you.</source>
        <translation>Use la dirección del servidor y el código de inscripción que le dio su coordinador de condado.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="75"/>
        <source>Work &amp;offline</source>
        <translation>Trabajar sin c&amp;onexión</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="76"/>
        <source>Import a voter file from this computer; connect to a server later if you want.</source>
        <translation>Importe un padrón desde este equipo; conéctese a un servidor más tarde si quiere.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="94"/>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="95"/>
        <source>The doors you log on this computer are signed with it. Once you connect to a server, your member name is used instead.</source>
        <translation>Las puertas que registre en este equipo llevan este nombre. Al conectarse a un servidor se usa su nombre de miembro.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="100"/>
        <source>Your &amp;name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="126"/>
        <source>Protect this device&apos;s data</source>
        <translation>Proteja los datos de este dispositivo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="127"/>
        <source>This computer has no system keychain, so a passphrase protects the encrypted data. You will type it each time Canvass starts. It cannot be recovered if forgotten.</source>
        <translation>Este equipo no tiene llavero del sistema, así que una frase de contraseña protege los datos cifrados. La escribirá cada vez que inicie Canvass. Si la olvida, no se puede recuperar.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="132"/>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="133"/>
        <source>Repeat the passphrase</source>
        <translation>Repita la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="137"/>
        <source>&amp;Passphrase (8+ characters):</source>
        <translation>&amp;Frase de contraseña (8+ caracteres):</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="138"/>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="145"/>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>La frase de contraseña necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="147"/>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="166"/>
        <source>Connect to your organisation</source>
        <translation>Conéctese con su organización</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="167"/>
        <source>Your county lead gives you the server address and a one-time enrollment code.</source>
        <translation>Su coordinador de condado le da la dirección del servidor y un código de inscripción de un solo uso.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="172"/>
        <source>enrollment code</source>
        <translation>código de inscripción</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="173"/>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="174"/>
        <source>Enrollment code</source>
        <translation>Código de inscripción</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="180"/>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="183"/>
        <source>&amp;Server address:</source>
        <translation>&amp;Dirección del servidor:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="184"/>
        <source>&amp;Enrollment code:</source>
        <translation>Código de &amp;inscripción:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="206"/>
        <source>Canvass — first start</source>
        <translation>Canvass — primer inicio</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/first_run.py" line="259"/>
        <source>Connecting to {0}…</source>
        <translation>Conectando con {0}…</translation>
    </message>
</context>
<context>
    <name>GotvPage</name>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="27"/>
        <source>Turf</source>
        <translation>Zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="27"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="28"/>
        <source>Supporters</source>
        <translation>Simpatizantes</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="28"/>
        <source>Voted</source>
        <translation>Votó</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="29"/>
        <source>Left to chase</source>
        <translation>Por movilizar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="30"/>
        <source>Pick up</source>
        <translation>Recogida</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="30"/>
        <source>Voter</source>
        <translation>Votante</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="31"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="31"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="32"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="32"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="33"/>
        <source>Asked by</source>
        <translation>Pedido por</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="34"/>
        <source>requested</source>
        <translation>solicitado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="35"/>
        <source>arranged</source>
        <translation>organizado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="36"/>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="37"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="64"/>
        <source>Election-day summary</source>
        <translation>Resumen del día de la elección</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="67"/>
        <source>Progress per turf</source>
        <translation>Avance por zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="71"/>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="102"/>
        <source>Rides to the polls</source>
        <translation>Transporte a las urnas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="75"/>
        <source>Mark arranged</source>
        <translation>Marcar organizado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="76"/>
        <source>Mark done</source>
        <translation>Marcar hecho</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="77"/>
        <source>Cancel ride</source>
        <translation>Cancelar transporte</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="125"/>
        <source>No county yet: import a voter file.</source>
        <translation>Aún no hay condado: importe un padrón electoral.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="129"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; — election {1}: &lt;b&gt;{2}&lt;/b&gt; of {3} supporters have voted; &lt;b&gt;{4}&lt;/b&gt; left to chase.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; — elección {1}: &lt;b&gt;{2}&lt;/b&gt; de {3} simpatizantes han votado; quedan &lt;b&gt;{4}&lt;/b&gt; por movilizar.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="131"/>
        <source>not known yet (import a voted file)</source>
        <translation>aún no se sabe (importe un archivo de quién votó)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="134"/>
        <source>County</source>
        <translation>Condado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="164"/>
        <source>Rides to the polls: {0} requested, {1} arranged, {2} done</source>
        <translation>Transporte a las urnas: {0} solicitados, {1} organizados, {2} hechos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="179"/>
        <source>Ride requests you record at the door go to your county lead at the next sync; the lead arranges them.</source>
        <translation>Las solicitudes de transporte que registra en la puerta llegan a su responsable del condado en la próxima sincronización; el responsable las organiza.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/gotv.py" line="195"/>
        <source>Ride for {0} marked {1}</source>
        <translation>Transporte de {0} marcado como {1}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="165"/>
        <source>Import voter file</source>
        <translation>Importar padrón</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="173"/>
        <source>No file chosen</source>
        <translation>Ningún archivo elegido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="174"/>
        <source>Choose &amp;file…</source>
        <translation>Elegir &amp;archivo…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="180"/>
        <source>County of this file, e.g. Wake</source>
        <translation>Condado de este archivo, p. ej., Wake</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="188"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="189"/>
        <source>County</source>
        <translation>Condado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="190"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="191"/>
        <source>Layout</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="195"/>
        <source>Column in file</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="195"/>
        <source>Imports as</source>
        <translation>Se importa como</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="196"/>
        <source>Row %1</source>
        <translation>Fila %1</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="212"/>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="522"/>
        <source>&amp;Confirm import</source>
        <translation>&amp;Confirmar importación</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="213"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="229"/>
        <source>&amp;Undo last import…</source>
        <translation>&amp;Deshacer la última importación…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="232"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="368"/>
        <source>Choose a voter file.</source>
        <translation>Elija un padrón.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="372"/>
        <source>Type the county this file is for.</source>
        <translation>Escriba el condado de este archivo.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="374"/>
        <source>Type the two-letter state.</source>
        <translation>Escriba el estado con dos letras.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="435"/>
        <source>Checking what the import would change…</source>
        <translation>Comprobando qué cambiaría la importación…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="466"/>
        <source> (a new county)</source>
        <translation> (un condado nuevo)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="469"/>
        <source>Added</source>
        <translation>Nuevos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="470"/>
        <source>Updated</source>
        <translation>Actualizados</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="471"/>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="473"/>
        <source>To be marked inactive</source>
        <translation>Se marcarán inactivos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="476"/>
        <source> (%1 of the %2 active voters)</source>
        <translation> (%1 de los %2 votantes activos)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="483"/>
        <source>Rejected rows</source>
        <translation>Filas rechazadas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="485"/>
        <source>Turfs affected</source>
        <translation>Zonas afectadas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="486"/>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="488"/>
        <source>%1 turfs lose %2 doors (%3 left empty)</source>
        <translation>%1 zonas pierden %2 puertas (%3 quedan vacías)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="497"/>
        <source>Nothing has changed yet. Importing into %1 would change:</source>
        <translation>Todavía no ha cambiado nada. Importar en %1 cambiaría:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="518"/>
        <source>Yes, mark %1 voters inactive</source>
        <translation>Sí, marcar %1 votantes como inactivos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="528"/>
        <source>Could not check the import; nothing was changed: %1</source>
        <translation>No se pudo comprobar la importación; no se cambió nada: %1</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="619"/>
        <source>Imported into %1: %2 added, %3 updated, %4 unchanged, %5 marked inactive, %6 rejected; %7 households (layout %8).</source>
        <translation>Importado en %1: %2 nuevos, %3 actualizados, %4 sin cambios, %5 marcados inactivos, %6 rechazados; %7 hogares (formato %8).</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="687"/>
        <source>Undo %1</source>
        <translation>Deshacer %1</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="689"/>
        <source>There is no import to undo</source>
        <translation>No hay ninguna importación que deshacer</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="701"/>
        <source>Undo %1?</source>
        <translation>¿Deshacer %1?</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="704"/>
        <source>&amp;Confirm undo</source>
        <translation>&amp;Confirmar deshacer</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="723"/>
        <source>Undone: removed %1 added voters, restored %2 updated, reactivated %3 in %4.</source>
        <translation>Deshecho: se quitaron %1 votantes nuevos, se restauraron %2 actualizados y se reactivaron %3 en %4.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="734"/>
        <source>Last import undone</source>
        <translation>Última importación deshecha</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="235"/>
        <source>Cancel import</source>
        <translation>Cancelar importación</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="60"/>
        <source>(not imported)</source>
        <translation>(no se importa)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="239"/>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="403"/>
        <source>Shows what the import would change; nothing changes until you confirm (Alt+I)</source>
        <translation>Muestra qué cambiaría la importación; nada cambia hasta que confirme (Alt+I)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="258"/>
        <source>Columns and the first rows of the file:</source>
        <translation>Columnas y primeras filas del archivo:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="281"/>
        <source>Choose a voter file</source>
        <translation>Elija un padrón</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="283"/>
        <source>Voter files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Padrones (*.csv *.tsv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="299"/>
        <source>Reading the file…</source>
        <translation>Leyendo el archivo…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="310"/>
        <source>Detected: %1 — %2, %3-separated</source>
        <translation>Detectado: %1 — %2, separado por %3</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="506"/>
        <source>Check the county and the file: this marks %1 of the county&apos;s voters inactive and leaves %2 turfs with no door.</source>
        <translation>Revise el condado y el archivo: esto marca como inactivos a %1 de los votantes del condado y deja %2 zonas sin puertas.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="560"/>
        <source>Starting…</source>
        <translation>Comenzando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="599"/>
        <source>%1 rows · %2 rows/s</source>
        <translation>%1 filas · %2 filas/s</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="607"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="615"/>
        <source>%1 rows in %2 s</source>
        <translation>%1 filas en %2 s</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="645"/>
        <source>Voter file imported</source>
        <translation>Padrón importado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="655"/>
        <source>Not imported: the voters changed since the summary was shown; nothing was changed. Press Import… to see the summary again.</source>
        <translation>No se importó: los votantes cambiaron desde que se mostró el resumen; no se cambió nada. Pulse Importar… para ver el resumen de nuevo.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="671"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importación cancelada; no se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/import_dialog.py" line="664"/>
        <source>Import failed; nothing was changed: %1</source>
        <translation>La importación falló; no se cambió nada: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="57"/>
        <location filename="../../canvass_app/ui/self_test.py" line="134"/>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="58"/>
        <source>Walk</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="59"/>
        <source>Turfs &amp;&amp; Walk Lists</source>
        <translation>Zonas y listas de recorrido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="60"/>
        <source>Election Day</source>
        <translation>Día de la elección</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="61"/>
        <source>Policy Briefs</source>
        <translation>Propuestas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="62"/>
        <source>Candidates</source>
        <translation>Candidatos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="63"/>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="78"/>
        <location filename="../../canvass_app/ui/main_window.py" line="307"/>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="124"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="127"/>
        <source>&amp;Import voter file…</source>
        <translation>&amp;Importar padrón electoral…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="133"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="138"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="144"/>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="153"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="155"/>
        <source>&amp;About Canvass</source>
        <translation>&amp;Acerca de Canvass</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="162"/>
        <source>Signed in: {0} ({1})</source>
        <translation>Sesión: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="167"/>
        <location filename="../../canvass_app/ui/main_window.py" line="220"/>
        <source>none loaded</source>
        <translation>ninguno cargado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="168"/>
        <location filename="../../canvass_app/ui/main_window.py" line="221"/>
        <source>County: {0}</source>
        <translation>Condado: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="170"/>
        <location filename="../../canvass_app/ui/main_window.py" line="305"/>
        <source>Data: {0}</source>
        <translation>Datos: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="174"/>
        <location filename="../../canvass_app/ui/main_window.py" line="197"/>
        <source>Sync: {0}</source>
        <translation>Sincronización: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="174"/>
        <source>not connected</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="185"/>
        <location filename="../../canvass_app/ui/main_window.py" line="306"/>
        <source>Working</source>
        <translation>Trabajando</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="215"/>
        <source>C&amp;ounty</source>
        <translation>C&amp;ondado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="216"/>
        <source>County</source>
        <translation>Condado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="217"/>
        <source>The county every page shows</source>
        <translation>El condado que muestran todas las páginas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="218"/>
        <source>No county yet: import a voter file</source>
        <translation>Aún no hay condado: importe un padrón electoral</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="270"/>
        <source>the system keychain</source>
        <translation>el llavero del sistema</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="271"/>
        <source>a passphrase</source>
        <translation>una frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="274"/>
        <source>Offline field canvassing for volunteer alliances.</source>
        <translation>Campañas puerta a puerta sin conexión para alianzas de voluntarios.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="275"/>
        <source>Data directory: {0}</source>
        <translation>Carpeta de datos: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="276"/>
        <source>Everything on disk is encrypted (key in {0}).</source>
        <translation>Todo lo guardado en el disco está cifrado (clave en {0}).</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="287"/>
        <source>About Canvass</source>
        <translation>Acerca de Canvass</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../canvass_app/ui/widgets/pdf_preview.py" line="65"/>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/pdf_preview.py" line="68"/>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/pdf_preview.py" line="71"/>
        <source>&amp;Fit page</source>
        <translation>&amp;Ajustar página</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/pdf_preview.py" line="73"/>
        <source>The whole page in the space, or the page at full size</source>
        <translation>La página entera en el espacio, o la página a tamaño real</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/pdf_preview.py" line="135"/>
        <source>Page {x} of {y}</source>
        <translation>Página {x} de {y}</translation>
    </message>
</context>
<context>
    <name>PolicyBrief</name>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="28"/>
        <source>Proposed</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="29"/>
        <source>Adopted</source>
        <translation>Adoptada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="30"/>
        <source>Retired</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="35"/>
        <source>Talking points</source>
        <translation>Puntos clave</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="36"/>
        <source>Common questions</source>
        <translation>Preguntas frecuentes</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="37"/>
        <source>If you hear…</source>
        <translation>Si le dicen…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="38"/>
        <source>Secured Rights it protects</source>
        <translation>Derechos Garantizados que protege</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="39"/>
        <source>Charter conflict</source>
        <translation>Conflicto con la carta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="40"/>
        <source>This proposal declares a conflict with the Secured Right(s) below. Under the charter it can be discussed and voted on, but never adopted as it stands.</source>
        <translation>Esta propuesta declara un conflicto con los Derechos Garantizados indicados abajo. Según la carta puede debatirse y votarse, pero nunca adoptarse tal como está.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="43"/>
        <source>version {0}</source>
        <translation>versión {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="44"/>
        <source>Votes received: {0} support · {1} oppose · {2} abstain</source>
        <translation>Votos recibidos: {0} a favor · {1} en contra · {2} abstenciones</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="45"/>
        <source>Protected by</source>
        <translation>Protegido por</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="46"/>
        <source>Proposals that would conflict with it</source>
        <translation>Propuestas que entrarían en conflicto con él</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="47"/>
        <source>Page {0}</source>
        <translation>Página {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="48"/>
        <source>Policy briefs: {0}</source>
        <translation>Resúmenes de políticas: {0}</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../canvass_app/ui/dialogs/print_dialog.py" line="23"/>
        <source>The printer could not be started.</source>
        <translation>No se pudo iniciar la impresora.</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <location filename="../../canvass_app/ui/widgets/gotv_chart.py" line="32"/>
        <source>Election-day progress chart</source>
        <translation>Gráfico del avance del día de la elección</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/gotv_chart.py" line="38"/>
        <source>{0}: {1} of {2} voted</source>
        <translation>{0}: {1} de {2} votaron</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/gotv_chart.py" line="50"/>
        <source>No supporters identified yet</source>
        <translation>Aún no hay simpatizantes identificados</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/gotv_chart.py" line="69"/>
        <source>{0} of {1} voted, {2} left</source>
        <translation>{0} de {1} votaron, quedan {2}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/gotv_chart.py" line="72"/>
        <source>voted</source>
        <translation>votaron</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/gotv_chart.py" line="73"/>
        <source>left to chase</source>
        <translation>por movilizar</translation>
    </message>
</context>
<context>
    <name>ResultCode</name>
    <message>
        <location filename="../../canvass_app/i18n.py" line="35"/>
        <source>Canvassed</source>
        <translation>Contactado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="36"/>
        <source>Not Home</source>
        <translation>No está en casa</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="37"/>
        <source>Refused</source>
        <translation>Se negó</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="38"/>
        <source>Moved</source>
        <translation>Se mudó</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="39"/>
        <source>Deceased</source>
        <translation>Fallecido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="40"/>
        <source>Inaccessible</source>
        <translation>Inaccesible</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="41"/>
        <source>Language Barrier</source>
        <translation>Barrera del idioma</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="42"/>
        <source>Wrong Address</source>
        <translation>Dirección equivocada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="43"/>
        <source>Come Back Later</source>
        <translation>Volver más tarde</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="44"/>
        <source>Do Not Contact</source>
        <translation>No contactar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="45"/>
        <source>Hostile</source>
        <translation>Hostil</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../canvass_app/ui/roles.py" line="9"/>
        <source>volunteer</source>
        <translation>voluntario</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/roles.py" line="10"/>
        <source>canvasser</source>
        <translation>encuestador</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/roles.py" line="11"/>
        <source>county lead</source>
        <translation>líder de condado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/roles.py" line="12"/>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
</context>
<context>
    <name>Scorecard</name>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="21"/>
        <source>District {0}: the record on our adopted policies</source>
        <translation>Distrito {0}: el historial frente a nuestras políticas adoptadas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="22"/>
        <source>no scored vote</source>
        <translation>sin voto puntuado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="23"/>
        <source>{0} aligned · {1} against · {2} absent · {3} other</source>
        <translation>{0} alineados · {1} en contra · {2} ausentes · {3} otros</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="24"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="25"/>
        <source>Bill</source>
        <translation>Proyecto de ley</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="26"/>
        <source>Policy</source>
        <translation>Política</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="27"/>
        <source>Voted</source>
        <translation>Votó</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="28"/>
        <source>Counts as</source>
        <translation>Cuenta como</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="29"/>
        <source>aligned</source>
        <translation>alineado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="30"/>
        <source>against</source>
        <translation>en contra</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="31"/>
        <source>absent</source>
        <translation>ausente</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="32"/>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="33"/>
        <source>(counts double: a Secured Right)</source>
        <translation>(cuenta doble: un Derecho Garantizado)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="34"/>
        <source>Score = aligned votes ÷ (aligned + against) on the roll calls linked to policies the members adopted. A vote on a policy that protects a Secured Right counts double. Absences and other votes (abstain, present, paired) are shown, not scored.</source>
        <translation>Puntuación = votos alineados ÷ (alineados + en contra) en las votaciones vinculadas a políticas que adoptaron los miembros. Un voto sobre una política que protege un Derecho Garantizado cuenta doble. Las ausencias y otros votos (abstención, presente, pareado) se muestran, no se puntúan.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/candidates/scorecard_pdf.py" line="38"/>
        <source>Scorecard, district {0}</source>
        <translation>Ficha, distrito {0}</translation>
    </message>
</context>
<context>
    <name>ScorecardTableModel</name>
    <message>
        <location filename="../../canvass_app/ui/models/scorecard_table_model.py" line="16"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/scorecard_table_model.py" line="17"/>
        <source>Party</source>
        <translation>Partido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/scorecard_table_model.py" line="18"/>
        <source>Chamber</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/scorecard_table_model.py" line="19"/>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/scorecard_table_model.py" line="20"/>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/scorecard_table_model.py" line="21"/>
        <source>Aligned</source>
        <translation>Alineados</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/scorecard_table_model.py" line="22"/>
        <source>Against</source>
        <translation>En contra</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/scorecard_table_model.py" line="23"/>
        <source>Absent</source>
        <translation>Ausentes</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/scorecard_table_model.py" line="24"/>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/scorecard_table_model.py" line="26"/>
        <source>Senate</source>
        <translation>Senado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/scorecard_table_model.py" line="27"/>
        <source>House</source>
        <translation>Cámara baja</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/scorecard_table_model.py" line="31"/>
        <source>no scored vote</source>
        <translation>sin voto puntuado</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="43"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="46"/>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="50"/>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="54"/>
        <source>Only when I press Sync now</source>
        <translation>Solo cuando pulse Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="55"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="57"/>
        <source>Automatic sync interval in minutes</source>
        <translation>Intervalo de sincronización automática en minutos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="58"/>
        <source>Ser&amp;ver address:</source>
        <translation>Dirección del ser&amp;vidor:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="59"/>
        <source>Sync &amp;automatically every:</source>
        <translation>Sincronizar &amp;automáticamente cada:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="62"/>
        <source>Appearance and printing</source>
        <translation>Apariencia e impresión</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="64"/>
        <source>Walk-list paper size</source>
        <translation>Tamaño de papel de las listas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="65"/>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="65"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="67"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="68"/>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="71"/>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="70"/>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="71"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="72"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="73"/>
        <source>Walk-list &amp;paper:</source>
        <translation>&amp;Papel de las listas:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="74"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="75"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="85"/>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="89"/>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="90"/>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="91"/>
        <source>Repeat the new passphrase</source>
        <translation>Repita la nueva frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="93"/>
        <source>&amp;Change passphrase</source>
        <translation>&amp;Cambiar frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="98"/>
        <source>This device&apos;s key is kept in the system keychain: there is no passphrase to change.</source>
        <translation>La clave de este dispositivo está en el llavero del sistema: no hay frase de contraseña que cambiar.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="103"/>
        <source>C&amp;urrent:</source>
        <translation>Act&amp;ual:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="104"/>
        <source>&amp;New (8+ characters):</source>
        <translation>&amp;Nueva (8+ caracteres):</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="105"/>
        <source>&amp;Repeat new:</source>
        <translation>&amp;Repita la nueva:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="113"/>
        <source>The new passphrase needs at least 8 characters.</source>
        <translation>La nueva frase de contraseña necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="116"/>
        <source>The two new passphrases differ.</source>
        <translation>Las dos nuevas frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="119"/>
        <source>Changing…</source>
        <translation>Cambiando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="126"/>
        <source>Passphrase changed. Use the new one from now on.</source>
        <translation>Frase de contraseña cambiada. Use la nueva a partir de ahora.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/dialogs/settings_dialog.py" line="131"/>
        <source>The current passphrase is wrong; nothing was changed.</source>
        <translation>La frase de contraseña actual es incorrecta; no se cambió nada.</translation>
    </message>
</context>
<context>
    <name>Survey</name>
    <message>
        <location filename="../../canvass_app/i18n.py" line="48"/>
        <source>Top issue</source>
        <translation>Tema principal</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="19"/>
        <location filename="../../canvass_app/i18n.py" line="49"/>
        <source>Education</source>
        <translation>Educación</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="20"/>
        <location filename="../../canvass_app/i18n.py" line="50"/>
        <source>Healthcare</source>
        <translation>Salud</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="21"/>
        <location filename="../../canvass_app/i18n.py" line="51"/>
        <source>Careers</source>
        <translation>Empleo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="22"/>
        <location filename="../../canvass_app/i18n.py" line="52"/>
        <source>Peace</source>
        <translation>Paz</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="23"/>
        <location filename="../../canvass_app/i18n.py" line="53"/>
        <source>Prison reform</source>
        <translation>Reforma penitenciaria</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="24"/>
        <location filename="../../canvass_app/i18n.py" line="54"/>
        <source>Climate</source>
        <translation>Clima</translation>
    </message>
    <message>
        <location filename="../../canvass_app/briefs/render.py" line="25"/>
        <location filename="../../canvass_app/i18n.py" line="55"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="46"/>
        <source>Support for the alliance&apos;s candidates and policies (1 strong support - 5 strong oppose)</source>
        <translation>Apoyo a los candidatos y políticas de la alianza (1 apoyo fuerte - 5 oposición fuerte)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="56"/>
        <source>Interested in volunteering</source>
        <translation>Interesado en ser voluntario</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="57"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="58"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="59"/>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="60"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="61"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="62"/>
        <source>Needs a ride to vote</source>
        <translation>Necesita transporte para votar</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="170"/>
        <source>This device was revoked: its voter data was wiped.</source>
        <translation>Este dispositivo fue revocado: sus datos de votantes se borraron.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="218"/>
        <source>revoked, data wiped</source>
        <translation>revocado, datos borrados</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="219"/>
        <source>not connected</source>
        <translation>sin conectar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="223"/>
        <source>syncing…</source>
        <translation>sincronizando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="226"/>
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="227"/>
        <source>offline</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="228"/>
        <source>checking</source>
        <translation>comprobando</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="232"/>
        <source>{0} waiting</source>
        <translation>{0} en espera</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="234"/>
        <source>all sent</source>
        <translation>todo enviado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="236"/>
        <source>{0} not accepted</source>
        <translation>{0} no aceptados</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="248"/>
        <source>{0} change(s) the server did not accept: click to see them</source>
        <translation>{0} cambio(s) que el servidor no aceptó: haga clic para verlos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="246"/>
        <source>Oldest waiting change: {0} old</source>
        <translation>Cambio en espera más antiguo: {0}</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="37"/>
        <source>the voter is not in the server&apos;s list for this county</source>
        <translation>el votante no está en la lista del servidor para este condado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="38"/>
        <source>this device may not write to that county</source>
        <translation>este dispositivo no puede escribir en ese condado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="39"/>
        <source>the policy is not open for votes any more</source>
        <translation>la propuesta ya no está abierta a votación</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="40"/>
        <source>the change was incomplete or malformed</source>
        <translation>el cambio estaba incompleto o mal formado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="41"/>
        <source>another change already used the same id</source>
        <translation>otro cambio ya usó el mismo identificador</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="42"/>
        <source>the server does not know this kind of change</source>
        <translation>el servidor no conoce este tipo de cambio</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="43"/>
        <source>the server needs a newer version of Canvass</source>
        <translation>el servidor necesita una versión más nueva de Canvass</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="44"/>
        <source>the change was sent twice under different contents</source>
        <translation>el cambio se envió dos veces con contenidos distintos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="45"/>
        <source>your role may not make this change</source>
        <translation>su función no permite hacer este cambio</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="46"/>
        <source>the turf is not on the server (it may have been deleted)</source>
        <translation>el territorio no está en el servidor (puede haberse borrado)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="47"/>
        <source>that member is not in this county&apos;s list</source>
        <translation>ese miembro no está en la lista de este condado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="48"/>
        <source>another turf already has that list number</source>
        <translation>otro territorio ya tiene ese número de lista</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="49"/>
        <source>the ballot is not open in this county</source>
        <translation>la votación no está abierta en este condado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="50"/>
        <source>the ballot had closed</source>
        <translation>la votación ya había cerrado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="51"/>
        <source>you are not among this ballot&apos;s voters</source>
        <translation>usted no está entre los votantes de esta votación</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="54"/>
        <source>contact</source>
        <translation>contacto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="55"/>
        <source>voter mark</source>
        <translation>marca de votante</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="56"/>
        <location filename="../../canvass_app/ui/pages/sync.py" line="57"/>
        <source>vote</source>
        <translation>voto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="63"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="70"/>
        <source>{0} ({1} ago)</source>
        <translation>{0} (hace {1})</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="88"/>
        <location filename="../../canvass_app/ui/pages/sync.py" line="92"/>
        <source>Sync</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="96"/>
        <source>This device</source>
        <translation>Este dispositivo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="98"/>
        <location filename="../../canvass_app/ui/pages/sync.py" line="267"/>
        <source>checking…</source>
        <translation>comprobando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="108"/>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="109"/>
        <source>Waiting to be sent</source>
        <translation>En espera de envío</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="110"/>
        <source>Oldest waiting change</source>
        <translation>Cambio en espera más antiguo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="111"/>
        <source>Last successful sync</source>
        <translation>Última sincronización correcta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="112"/>
        <source>Last problem</source>
        <translation>Último problema</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="113"/>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="121"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="123"/>
        <source>Send waiting changes and fetch the latest lists now</source>
        <translation>Enviar ahora los cambios en espera y descargar las listas más recientes</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="137"/>
        <location filename="../../canvass_app/ui/pages/sync.py" line="293"/>
        <source>Connect this device to a server</source>
        <translation>Conectar este dispositivo a un servidor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="140"/>
        <source>for example https://sync.example.org</source>
        <translation>por ejemplo https://sync.example.org</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="141"/>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="144"/>
        <source>from your county lead, like ABCD-EFGH-JKLM</source>
        <translation>de su responsable de condado, como ABCD-EFGH-JKLM</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="145"/>
        <source>Enrollment code</source>
        <translation>Código de inscripción</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="147"/>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="153"/>
        <source>Server address:</source>
        <translation>Dirección del servidor:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="154"/>
        <source>Enrollment code:</source>
        <translation>Código de inscripción:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="161"/>
        <source>Changes the server did not accept</source>
        <translation>Cambios que el servidor no aceptó</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="164"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="164"/>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="165"/>
        <source>About</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="165"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="166"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="309"/>
        <source>{0} not seen yet. They never hold up other changes; fix and log them again where needed.</source>
        <translation>{0} sin ver todavía. Nunca detienen otros cambios; corríjalos y regístrelos de nuevo donde haga falta.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="174"/>
        <source>Rejected changes</source>
        <translation>Cambios rechazados</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="176"/>
        <location filename="../../canvass_app/ui/pages/sync.py" line="311"/>
        <source>These are kept for your records; they never hold up other changes.</source>
        <translation>Se guardan para su registro; nunca detienen los demás cambios.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="180"/>
        <source>Mark as seen</source>
        <translation>Marcar como vistos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="181"/>
        <source>Stop counting these in the status bar</source>
        <translation>Dejar de contarlos en la barra de estado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="226"/>
        <source>A sync is already running.</source>
        <translation>Ya hay una sincronización en curso.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="235"/>
        <source>Give both the server address and the code.</source>
        <translation>Indique la dirección del servidor y el código.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="238"/>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="245"/>
        <source>Connected as a {0} for {1} {2}.</source>
        <translation>Conectado como {0} para {1} {2}.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="256"/>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="263"/>
        <source>not connected</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="265"/>
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="266"/>
        <source>offline — changes wait safely on this device</source>
        <translation>sin conexión: los cambios esperan seguros en este dispositivo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="273"/>
        <source>Done: {0} sent, {1} not accepted.</source>
        <translation>Listo: {0} enviados, {1} no aceptados.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="278"/>
        <source>{0} change(s)</source>
        <translation>{0} cambio(s)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="280"/>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="283"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="285"/>
        <source>{0} ({1}), device {2}</source>
        <translation>{0} ({1}), dispositivo {2}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="287"/>
        <source>Connect this device to another server</source>
        <translation>Conectar este dispositivo a otro servidor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="289"/>
        <source>not connected: enter the server address and your code below</source>
        <translation>sin conectar: escriba abajo la dirección del servidor y su código</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="296"/>
        <source>The server revoked this device on {0}: its voter data was wiped from this computer. Ask your county lead for a new code.</source>
        <translation>El servidor revocó este dispositivo el {0}: sus datos de votantes se borraron de esta computadora. Pida un código nuevo a su responsable de condado.</translation>
    </message>
</context>
<context>
    <name>TurfTableModel</name>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="17"/>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="18"/>
        <source>Turf</source>
        <translation>Zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="19"/>
        <source>Precinct</source>
        <translation>Precinto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="20"/>
        <source>Doors</source>
        <translation>Puertas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="21"/>
        <source>Knocked</source>
        <translation>Tocadas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="22"/>
        <source>Contacted</source>
        <translation>Contactados</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="23"/>
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="24"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="25"/>
        <source>Assignee</source>
        <translation>Asignada a</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="26"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="30"/>
        <source>Doors with a result logged on this turf</source>
        <translation>Puertas con un resultado registrado en este territorio</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="31"/>
        <source>People spoken with on this turf</source>
        <translation>Personas con quienes se habló en este territorio</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="32"/>
        <source>People whose latest support is 1 or 2</source>
        <translation>Personas cuyo último apoyo es 1 o 2</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="34"/>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="34"/>
        <source>assigned</source>
        <translation>asignada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="35"/>
        <source>checked out</source>
        <translation>entregada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/turf_table_model.py" line="35"/>
        <source>returned</source>
        <translation>devuelta</translation>
    </message>
</context>
<context>
    <name>TurfsPage</name>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="58"/>
        <source>Turfs &amp; Walk Lists</source>
        <translation>Zonas y listas de recorrido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="73"/>
        <source>Import voter file…</source>
        <translation>Importar padrón…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="76"/>
        <source>&amp;Cut turfs…</source>
        <translation>&amp;Dividir zonas…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="79"/>
        <source>&amp;Assign…</source>
        <translation>&amp;Asignar…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="82"/>
        <source>Check &amp;out</source>
        <translation>&amp;Entregar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="85"/>
        <source>&amp;Return</source>
        <translation>De&amp;volver</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="89"/>
        <source>&amp;Delete turfs…</source>
        <translation>&amp;Eliminar zonas…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="91"/>
        <source>Delete the selected turfs: their doors can be cut again</source>
        <translation>Eliminar las zonas seleccionadas: sus puertas se pueden volver a dividir</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="101"/>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="177"/>
        <source>Turfs</source>
        <translation>Zonas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="113"/>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="114"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="115"/>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="118"/>
        <source>&amp;Preview</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="121"/>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="124"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="128"/>
        <source>Walk list progress</source>
        <translation>Avance de las listas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="134"/>
        <source>Select turfs and press Preview to see their walk lists.</source>
        <translation>Elija zonas y pulse Vista previa para ver sus listas de recorrido.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="135"/>
        <source>Walk list preview</source>
        <translation>Vista previa de la lista de recorrido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="216"/>
        <source>Cut turfs</source>
        <translation>Dividir territorios</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="216"/>
        <source>There is no county to cut yet: import a voter file first.</source>
        <translation>Aún no hay condado que dividir: importe primero un padrón electoral.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="242"/>
        <source>Cut {number} by hand.</source>
        <translation>Zona {number} creada a mano.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="251"/>
        <source>Check this cut</source>
        <translation>Revise esta división</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="261"/>
        <source>Delete turfs</source>
        <translation>Eliminar zonas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="262"/>
        <source>Delete {lists}? Their doors become free to cut again.</source>
        <translation>¿Eliminar {lists}? Sus puertas quedarán libres para dividirlas de nuevo.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="280"/>
        <source>Delete turfs in use?</source>
        <translation>¿Eliminar zonas en uso?</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="281"/>
        <source>Contact results are kept. Delete anyway?</source>
        <translation>Los resultados de contacto se conservan. ¿Eliminar de todos modos?</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="311"/>
        <source>No canvassers in the member list yet: add them on the server, then sync.</source>
        <translation>Aún no hay encuestadores en la lista de miembros: agréguelos en el servidor y sincronice.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="317"/>
        <source>Member for {lists}:</source>
        <translation>Miembro para {lists}:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="405"/>
        <source>Sent {n} pages to the printer.</source>
        <translation>{n} páginas enviadas a la impresora.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="296"/>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="311"/>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="316"/>
        <source>Assign</source>
        <translation>Asignar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="297"/>
        <source>Canvasser for {lists}:</source>
        <translation>Voluntario para {lists}:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="386"/>
        <source>Save walk lists</source>
        <translation>Guardar listas de recorrido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="388"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="391"/>
        <source>Saved {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
</context>
<context>
    <name>VoterField</name>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="11"/>
        <source>Voter id (state voter id / registration number)</source>
        <translation>Id. de votante (id. estatal / número de registro)</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="12"/>
        <source>Registration number (county)</source>
        <translation>Número de registro (condado)</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="13"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="14"/>
        <source>Middle name</source>
        <translation>Segundo nombre</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="15"/>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="16"/>
        <source>Name suffix</source>
        <translation>Sufijo del nombre</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="17"/>
        <source>Birth year</source>
        <translation>Año de nacimiento</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="18"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="19"/>
        <source>Sex / gender</source>
        <translation>Sexo / género</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="20"/>
        <source>Party</source>
        <translation>Partido</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="21"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="22"/>
        <source>Phone area code</source>
        <translation>Código de área del teléfono</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="23"/>
        <source>Phone extension</source>
        <translation>Extensión del teléfono</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="24"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="25"/>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="26"/>
        <source>Residential address (one string)</source>
        <translation>Dirección residencial (en un solo texto)</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="27"/>
        <source>Residential address line 2 (unit)</source>
        <translation>Dirección residencial, línea 2 (unidad)</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="28"/>
        <source>House number</source>
        <translation>Número de casa</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="29"/>
        <source>House number suffix</source>
        <translation>Sufijo del número de casa</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="30"/>
        <source>Street pre-direction</source>
        <translation>Dirección antes de la calle</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="31"/>
        <source>Street name</source>
        <translation>Nombre de la calle</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="32"/>
        <source>Street type</source>
        <translation>Tipo de calle</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="33"/>
        <source>Street post-direction</source>
        <translation>Dirección después de la calle</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="34"/>
        <source>Unit type</source>
        <translation>Tipo de unidad</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="35"/>
        <source>Unit number</source>
        <translation>Número de unidad</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="36"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="37"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="38"/>
        <source>Zip code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="39"/>
        <source>Mailing address line 1</source>
        <translation>Dirección postal, línea 1</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="40"/>
        <source>Mailing address line 2</source>
        <translation>Dirección postal, línea 2</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="41"/>
        <source>Mailing address line 3</source>
        <translation>Dirección postal, línea 3</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="42"/>
        <source>Mailing address line 4</source>
        <translation>Dirección postal, línea 4</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="43"/>
        <source>Mailing city</source>
        <translation>Ciudad postal</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="44"/>
        <source>Mailing state</source>
        <translation>Estado postal</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="45"/>
        <source>Mailing zip</source>
        <translation>Código postal (correo)</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="46"/>
        <source>Precinct code</source>
        <translation>Código de precinto</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="47"/>
        <source>Precinct name</source>
        <translation>Nombre del precinto</translation>
    </message>
    <message>
        <location filename="../../canvass_formats/voterfile/fields.py" line="48"/>
        <source>Registration status</source>
        <translation>Estado del registro</translation>
    </message>
</context>
<context>
    <name>VoterTableModel</name>
    <message>
        <location filename="../../canvass_app/ui/models/voter_table_model.py" line="20"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/voter_table_model.py" line="21"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/voter_table_model.py" line="22"/>
        <source>Precinct</source>
        <translation>Precinto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/voter_table_model.py" line="23"/>
        <source>Party</source>
        <translation>Partido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/voter_table_model.py" line="24"/>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/voter_table_model.py" line="25"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/voter_table_model.py" line="26"/>
        <source>Turf</source>
        <translation>Zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/voter_table_model.py" line="27"/>
        <source>Last result</source>
        <translation>Último resultado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/models/voter_table_model.py" line="28"/>
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
</context>
<context>
    <name>WalkGotvPanel</name>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="56"/>
        <source>Where they vote</source>
        <translation>Dónde vota</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="59"/>
        <source>Ride to the polls…</source>
        <translation>Transporte a las urnas…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="61"/>
        <source>Record that this person needs a ride to vote</source>
        <translation>Registrar que esta persona necesita transporte para votar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="81"/>
        <source>Save ride request</source>
        <translation>Guardar solicitud de transporte</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="85"/>
        <source>Ride request</source>
        <translation>Solicitud de transporte</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="86"/>
        <source>Pick up at</source>
        <translation>Recoger a las</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="87"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="88"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="89"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="90"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="125"/>
        <source>Where they vote shows here.</source>
        <translation>Aquí se muestra dónde vota.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="154"/>
        <source>Polling place not known (precinct {0}): import the county&apos;s polling places.</source>
        <translation>Centro de votación desconocido (precinto {0}): importe los centros de votación del condado.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="156"/>
        <source>hours not given</source>
        <translation>horario no indicado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="162"/>
        <source>Votes at</source>
        <translation>Vota en</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="163"/>
        <source>Early voting</source>
        <translation>Votación anticipada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="164"/>
        <source>Drop box</source>
        <translation>Buzón de boletas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="201"/>
        <source>Ride requested for {0}: {1}, {2} people, from {3}; call {4}</source>
        <translation>Transporte solicitado para {0}: {1}, {2} personas, desde {3}; llamar al {4}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_gotv.py" line="211"/>
        <source>Not saved: {0}</source>
        <translation>No guardado: {0}</translation>
    </message>
</context>
<context>
    <name>WalkList</name>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="210"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="217"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="219"/>
        <source>Age</source>
        <translation>Ed.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="219"/>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="220"/>
        <source>Party</source>
        <translation>Part.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="220"/>
        <source>Lang</source>
        <translation>Idi.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="226"/>
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="241"/>
        <source>Tick one result per voter. Support: 1 strong support … 5 strong oppose. Survey answers and corrections go on the notes line.</source>
        <translation>Marque un resultado por votante. Apoyo: 1 apoyo fuerte … 5 oposición fuerte. Las respuestas de la encuesta y las correcciones van en la línea de notas.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="254"/>
        <source>{0} County</source>
        <translation>Condado de {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="258"/>
        <source>Canvasser: {0}    Printed: {1}</source>
        <translation>Voluntario: {0}    Impreso: {1}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="262"/>
        <source>Page {0} of {1}</source>
        <translation>Página {0} de {1}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="290"/>
        <source>Walk list {0}</source>
        <translation>Lista de recorrido {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="293"/>
        <source>Doors: {0}    People: {1}    Pages: {2} after this one</source>
        <translation>Puertas: {0}    Personas: {1}    Páginas: {2} después de esta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="299"/>
        <source>Start time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="299"/>
        <source>End time</source>
        <translation>Hora de fin</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="300"/>
        <source>Doors knocked</source>
        <translation>Puertas tocadas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="300"/>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="301"/>
        <source>Not home</source>
        <translation>No está</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="301"/>
        <source>Supporters (1–2)</source>
        <translation>Simpatizantes (1–2)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="308"/>
        <source>Talking points</source>
        <translation>Puntos clave</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="309"/>
        <source>(No talking points were set for this turf.)</source>
        <translation>(No se fijaron puntos clave para esta zona.)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="311"/>
        <source>Result codes — tick one per voter</source>
        <translation>Códigos de resultado — marque uno por votante</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="325"/>
        <source>Survey questions — ask, and write answers in the notes line</source>
        <translation>Preguntas de la encuesta — pregunte y anote las respuestas en la línea de notas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/turfs/walklist_pdf.py" line="404"/>
        <source>Walk lists</source>
        <translation>Listas de recorrido</translation>
    </message>
</context>
<context>
    <name>WalkPage</name>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="62"/>
        <source>Canvassed</source>
        <translation>Contactado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="63"/>
        <source>Not home</source>
        <translation>No está</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="64"/>
        <source>Refused</source>
        <translation>Se negó</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="65"/>
        <source>Come back</source>
        <translation>Volver luego</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="66"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="67"/>
        <source>Inaccessible</source>
        <translation>Inaccesible</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="68"/>
        <source>Moved</source>
        <translation>Se mudó</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="69"/>
        <source>Wrong address</source>
        <translation>Dirección errónea</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="70"/>
        <source>Hostile</source>
        <translation>Hostil</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="71"/>
        <source>Do Not Contact</source>
        <translation>No contactar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="72"/>
        <source>Deceased</source>
        <translation>Fallecido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="104"/>
        <source>Walk</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="137"/>
        <location filename="../../canvass_app/ui/pages/walk.py" line="334"/>
        <source>Turf</source>
        <translation>Zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="142"/>
        <location filename="../../canvass_app/ui/pages/walk.py" line="145"/>
        <location filename="../../canvass_app/ui/pages/walk.py" line="414"/>
        <source>The turf to walk</source>
        <translation>La zona que va a recorrer</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="147"/>
        <source>All turfs (county lead)</source>
        <translation>Todas las zonas (coordinador)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="149"/>
        <source>List every turf, not only those assigned to you</source>
        <translation>Mostrar todas las zonas, no solo las asignadas a usted</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="150"/>
        <source>Choose a turf</source>
        <translation>Elija una zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="151"/>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="155"/>
        <source>Turf:</source>
        <translation>Zona:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="166"/>
        <source>Doors in walk order</source>
        <translation>Puertas en orden de recorrido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="167"/>
        <source>Doors in walk order (Right / Left, PgDown / PgUp)</source>
        <translation>Puertas en orden de recorrido (Derecha / Izquierda, AvPág / RePág)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="179"/>
        <source>People at this door</source>
        <translation>Personas en esta puerta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="180"/>
        <source>People at this door (Down / Up)</source>
        <translation>Personas en esta puerta (Abajo / Arriba)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="335"/>
        <source>Ride request</source>
        <translation>Solicitud de transporte</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="372"/>
        <source>{turf} · {knocked} knocked · {contacted} contacted · {support} support</source>
        <translation>{turf} · {knocked} tocadas · {contacted} contactados · {support} apoyo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="491"/>
        <source>Not saved: {0} (keys typed after it were not applied)</source>
        <translation>No se guardó: {0} (las teclas pulsadas después no se aplicaron)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="563"/>
        <source>These answers have no result yet, so they are not saved:
{0}

Log a result for the person first, or leave the door and drop them?</source>
        <translation>Estas respuestas aún no tienen resultado, así que no se guardan:
{0}

¿Registre primero un resultado para la persona, o salga de la puerta y descártelas?</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="565"/>
        <source>Drop them and leave</source>
        <translation>Descartarlas y salir</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="565"/>
        <source>Stay</source>
        <translation>Quedarse</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="566"/>
        <source>Dropped answers without a result: {0}</source>
        <translation>Respuestas descartadas sin resultado: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="637"/>
        <source>Answers for &lt;b&gt;{0}&lt;/b&gt; — saved with the result you log</source>
        <translation>Respuestas de &lt;b&gt;{0}&lt;/b&gt; — se guardan con el resultado que registre</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="639"/>
        <source>Answers for &lt;b&gt;{0}&lt;/b&gt; — logged {1}; a change here is saved as a correction</source>
        <translation>Respuestas de &lt;b&gt;{0}&lt;/b&gt; — registrado {1}; un cambio aquí se guarda como corrección</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="706"/>
        <source>— contacts/h (after {0} min)</source>
        <translation>— contactos/h (tras {0} min)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="711"/>
        <source>&lt;b&gt;{0} of {1} doors&lt;/b&gt; · {2} · {3} results · {4}:{5:02d} on turf</source>
        <translation>&lt;b&gt;{0} de {1} puertas&lt;/b&gt; · {2} · {3} resultados · {4}:{5:02d} en la zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="742"/>
        <source>Answers noted ({0}): they are saved with the result you log</source>
        <translation>Respuestas anotadas ({0}): se guardan con el resultado que registre</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="758"/>
        <source>Saved — {0}: {1}, corrected ({2})</source>
        <translation>Guardado — {0}: {1}, corregido ({2})</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="760"/>
        <source>answers cleared</source>
        <translation>respuestas borradas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="787"/>
        <source>Log {0} as {1}? They will not be knocked again.</source>
        <translation>¿Registrar a {0} como {1}? No se volverá a tocar su puerta.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="788"/>
        <source>Log {0}</source>
        <translation>Registrar {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="788"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="789"/>
        <source>Not logged: {0} for {1}</source>
        <translation>No se registró: {0} para {1}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="804"/>
        <source>Saved — {0}: {1}{2}. Answers given now are added to it.</source>
        <translation>Guardado — {0}: {1}{2}. Las respuestas que se den ahora se añaden.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="812"/>
        <source>Everyone at this door is logged on this visit: {0} for the next door, {1} to undo.</source>
        <translation>Todos en esta puerta están registrados en esta visita: {0} para la puerta siguiente, {1} para deshacer.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="837"/>
        <source>Saved — {0}: nobody home ({1} logged Not home)</source>
        <translation>Guardado — {0}: nadie en casa ({1} registrados como No está)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="205"/>
        <source>Support {0}</source>
        <translation>Apoyo {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="211"/>
        <location filename="../../canvass_app/ui/pages/walk.py" line="332"/>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="117"/>
        <source>Top issue</source>
        <translation>Tema principal</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="333"/>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="126"/>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="127"/>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="207"/>
        <source>Volunteer</source>
        <translation>Voluntario</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="130"/>
        <source>Interested in volunteering</source>
        <translation>Interesado en ser voluntario</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="209"/>
        <source>Needs a ride</source>
        <translation>Necesita transporte</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="132"/>
        <source>Needs a ride to vote</source>
        <translation>Necesita transporte para votar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="139"/>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="213"/>
        <location filename="../../canvass_app/ui/pages/walk.py" line="331"/>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="147"/>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="149"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="228"/>
        <source>Nobody home</source>
        <translation>Nadie en casa</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="229"/>
        <source>◀ Previous door</source>
        <translation>◀ Puerta anterior</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="230"/>
        <source>Next door ▶</source>
        <translation>Puerta siguiente ▶</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="231"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="240"/>
        <source>Next door</source>
        <translation>Puerta siguiente</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="241"/>
        <source>Previous door</source>
        <translation>Puerta anterior</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="243"/>
        <source>Next person</source>
        <translation>Persona siguiente</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="244"/>
        <source>Previous person</source>
        <translation>Persona anterior</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="246"/>
        <source>Last action</source>
        <translation>Última acción</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="250"/>
        <source>Where keys go</source>
        <translation>Adónde van las teclas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="253"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="339"/>
        <source>⌨ Keys log results</source>
        <translation>⌨ Las teclas registran resultados</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="342"/>
        <source>⌨ Typing into {0} — Esc to get the result keys back</source>
        <translation>⌨ Escribiendo en {0} — Esc para recuperar las teclas de resultado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="320"/>
        <location filename="../../canvass_app/ui/pages/walk.py" line="390"/>
        <source>Choose a turf…</source>
        <translation>Elija una zona…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="430"/>
        <source>Turf #{0}</source>
        <translation>Zona n.º {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="648"/>
        <source>No doors to knock on this turf</source>
        <translation>No hay puertas por tocar en esta zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="650"/>
        <source>Choose a turf to walk</source>
        <translation>Elija una zona para recorrer</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="661"/>
        <source>Door {0} of {1} · {2} to knock</source>
        <translation>Puerta {0} de {1} · faltan {2}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="665"/>
        <source> · {0} skipped</source>
        <translation> · {0} omitidas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="675"/>
        <source>{0}{1} — {2}, skip</source>
        <translation>{0}{1} — {2}, omitir</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="679"/>
        <source> · support {0}</source>
        <translation> · apoyo {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="708"/>
        <source>{0} contacts/h</source>
        <translation>{0} contactos/h</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="774"/>
        <source>Nobody to log here.</source>
        <translation>No hay a quién registrar aquí.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="573"/>
        <source>Canvass</source>
        <translation>Canvass</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="866"/>
        <source>Nothing to undo.</source>
        <translation>Nada que deshacer.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="869"/>
        <source>Undone: {0}</source>
        <translation>Deshecho: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_keys.py" line="59"/>
        <source>C N R B L I M W H X D</source>
        <translation>C N R B L I M W H X D</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_keys.py" line="60"/>
        <source>result for the person in focus (pressed again: the next person here)</source>
        <translation>resultado de la persona elegida (otra vez: la siguiente persona aquí)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_keys.py" line="61"/>
        <source>nobody home: everyone here not yet logged</source>
        <translation>nadie en casa: todos los de aquí aún sin registrar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_keys.py" line="62"/>
        <source>support</source>
        <translation>apoyo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_keys.py" line="63"/>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="63"/>
        <source>top issue</source>
        <translation>tema principal</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_keys.py" line="64"/>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="67"/>
        <source>volunteer</source>
        <translation>voluntario</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_keys.py" line="65"/>
        <source>needs a ride</source>
        <translation>necesita transporte</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_keys.py" line="66"/>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="71"/>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_keys.py" line="67"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_keys.py" line="67"/>
        <source>leave a text box</source>
        <translation>salir de un cuadro de texto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_keys.py" line="68"/>
        <source>person</source>
        <translation>persona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_keys.py" line="69"/>
        <source>door</source>
        <translation>puerta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_keys.py" line="70"/>
        <source>undo</source>
        <translation>deshacer</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="33"/>
        <source>Strong oppose</source>
        <translation>Muy en contra</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="32"/>
        <source>Lean oppose</source>
        <translation>Algo en contra</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="31"/>
        <source>Undecided</source>
        <translation>Indeciso</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="30"/>
        <source>Lean support</source>
        <translation>Algo a favor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="29"/>
        <source>Strong support</source>
        <translation>Muy a favor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="61"/>
        <source>support {0}</source>
        <translation>apoyo {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="65"/>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="69"/>
        <source>ride</source>
        <translation>transporte</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="85"/>
        <source>Whose answers</source>
        <translation>De quién son las respuestas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="92"/>
        <source>Support [1–5]:</source>
        <translation>Apoyo [1–5]:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="104"/>
        <source>1 strong support … 5 strong oppose</source>
        <translation>1 apoyo fuerte … 5 oposición fuerte</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="118"/>
        <source>Top issue: pick one or type the person&apos;s words</source>
        <translation>Tema principal: elija uno o escriba las palabras de la persona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="122"/>
        <source>pick or type</source>
        <translation>elija o escriba</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="129"/>
        <source>Volunteer [V]</source>
        <translation>Voluntario [V]</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="131"/>
        <source>Needs a ride [G]</source>
        <translation>Necesita transporte [G]</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="137"/>
        <source>Top issue [T]:</source>
        <translation>Tema principal [T]:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="148"/>
        <source>for this person — Enter saves, Esc goes back</source>
        <translation>para esta persona — Intro guarda, Esc vuelve</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/widgets/walk_survey.py" line="158"/>
        <source>Note [E]:</source>
        <translation>Nota [E]:</translation>
    </message>
</context>
</TS>
