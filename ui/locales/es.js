// Catálogo en español de la app (sintaxis Fluent, https://projectfluent.org/fluent/guide/).
// Same message ids as en.js (scripts/check-catalog.mjs checks it).
export default `
## shell and navigation
skip-link = Saltar al contenido
nav-main =
    .aria-label = Principal
nav-wallet = Mis insignias
nav-collections = Colecciones
nav-import = Añadir insignias
nav-settings = Ajustes
nav-help = Ayuda
nav-skills = Competencias
wallet-count = { $n ->
    [one] { $n } insignia en tu mochila
   *[other] { $n } insignias en tu mochila
  }
title-wallet = Backpack
title-detail = Insignia — Backpack
title-collections = Colecciones — Backpack
title-import = Añadir insignias — Backpack
title-settings = Ajustes — Backpack
title-help = Ayuda — Backpack
title-skills = Competencias — Backpack
title-welcome = Bienvenida — Backpack
back = Volver
cancel = Cancelar
continue = Continuar
add = Añadir
remove = Quitar
create = Crear
ok = Aceptar

## statuses
status-verified = Verificada
status-issuer_not_confirmed = Firma intacta, emisor no confirmado
status-could_not_check = No se pudo comprobar
status-invalid = No válida
status-expired = Caducada
status-revoked = Revocada
status-unreadable = Ilegible
status-not_checked = Sin comprobar
status-help-verified = Todas las comprobaciones son correctas: la insignia está intacta, firmada por su emisor, vigente y no revocada.
status-help-issuer_not_confirmed = La firma está intacta, pero Backpack no pudo confirmar de quién es la clave que la firmó (ver más abajo).
status-help-could_not_check = Nada falló, pero algo necesario no se pudo comprobar; a menudo porque las comprobaciones en red están desactivadas o la web del emisor no respondió.
status-help-invalid = Una comprobación falló: la insignia se modificó después de firmarse o no es una insignia bien formada. No confíes en ella.
status-help-expired = La insignia era válida, pero su fecha de fin ya pasó.
status-help-revoked = El emisor ha retirado (revocado o suspendido) esta insignia.
status-help-unreadable = No se pudo leer ninguna insignia en el archivo.
status-help-not_checked = Aún no se ha comprobado, o solo con reglas antiguas y más débiles. Usa «Comprobar de nuevo».

## fechas (src/i18n.rs Catalog::date; la app formatea sus fechas con Intl)
date-long = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## exportaciones: la página HTML del portafolio y el PDF (src/export/html.rs, pdf.rs)
export-default-title = Mis insignias
export-untitled = Insignia sin título
export-skip = Saltar a las insignias
export-meta = { $n ->
    [one] { $n } insignia · exportada el { $date } con Backpack
   *[other] { $n } insignias · exportadas el { $date } con Backpack
  }
export-image-alt = Imagen de la insignia: { $name }
export-no-image-for = Sin imagen para { $name }
export-no-image = Sin imagen
export-image-not-shown = Imagen no mostrada
export-checked-on = comprobada por el Backpack de quien la envía el { $date }
export-not-checked = no comprobada por el Backpack de quien la envía
export-unnamed-endorser = alguien sin nombre
export-endorsed = Respaldo de { $by } ({ $status }), { $scope ->
    [credential] a esta insignia
    [achievement] a este logro
    [issuer] al emisor
   *[creator] a quien creó el logro
  }
export-issuer = Emisor
export-issued = Emitida
export-valid-from = Válida desde
export-expires = Caduca
export-recipient = Destinatario
export-hashed = identidad cifrada (hash)
export-type = Tipo
export-credential-id = Id. de la credencial
export-criteria = Criterios
export-criteria-page = Página de criterios: { $url }
export-alignments = Competencias y alineaciones
export-unnamed = (sin nombre)
export-results = Resultados
export-heading-evidence = Evidencias
export-my-note = Mi nota
export-original-html = Credencial original: { $file }, incluida en esta página como { $block } ({ $format }).
export-ob2-notice = Las insignias Open Badges 2.0 no pueden ir dentro de una presentación verificable; se incluyen aparte: { $names }.
export-heading-skills = Competencias
export-no-skills = Ninguna de estas insignias nombra una competencia.
export-footer = Hecho con Backpack, una cartera de insignias que es de quien aprende. Esta página no carga nada de la red.
export-howto-label = Cómo comprobar estas insignias
export-howto-lead = Cómo comprobar estas insignias.
export-howto-html-1 = Esta página es una copia que cualquiera podría editar; lo que prueba cada insignia es su credencial original, incluida sin cambios en el código de esta página como un bloque base64 ({ $blocks }, cada uno con el nombre de su archivo en { $attr }). Un paquete ZIP de Backpack también los guarda como archivos en su carpeta { $folder }.
export-howto-html-2 = Abre este archivo en Backpack («Comprobar un archivo recibido», o { $command }): vuelve a comprobar cada credencial e indica cualquier nombre, emisor, fecha o estado de esta página que no coincida con ella. O entrega los archivos de las credenciales a cualquier verificador de Open Badges. El estado junto a cada insignia es el que encontró el Backpack de quien la envía al hacer la página.
pdf-checked-on = comprobada por el Backpack de quien la envía el { $date }
pdf-not-checked = no comprobada por el Backpack de quien la envía
pdf-why = Motivo: { $reason }
pdf-endorsements = Respaldos
pdf-endorsement = { $name } — de { $by }, { $scope ->
    [credential] a la credencial
    [achievement] al logro
    [issuer] al emisor
   *[creator] a quien lo creó
  }: { $status }
pdf-howto-badge = Cómo comprobar esta insignia
pdf-qr-alt = Código QR que enlaza a { $url }
pdf-howto-qr = El código QR abre la dirección propia de esta insignia: { $url }
    La credencial original va adjunta a este PDF como { $file } ({ $format }); abre el PDF en Backpack («Comprobar un archivo recibido», o backpack verify-share) o entrega el archivo adjunto a cualquier verificador de Open Badges.
pdf-howto-no-qr = Esta insignia no tiene una dirección pública propia, así que no tiene código QR. Su credencial original va adjunta a este PDF como { $file } ({ $format }): abre el PDF en Backpack («Comprobar un archivo recibido», o backpack verify-share) o guarda el adjunto y entrégalo a cualquier verificador de Open Badges.
pdf-badges-heading = Insignias de esta colección
pdf-howto = Este PDF es una copia imprimible que cualquiera podría editar; lo que prueba cada insignia es su credencial original, adjunta a este PDF sin cambios (la mayoría de los visores de PDF muestran los adjuntos en un panel lateral; cada uno se llama como 01-nombre-insignia.json). Abre este PDF en Backpack («Comprobar un archivo recibido», o backpack verify-share ARCHIVO.pdf): vuelve a comprobar cada credencial adjunta y muestra lo que dice cada una. O guarda un adjunto y entrégalo a cualquier verificador de Open Badges. Una insignia con dirección pública propia tiene en su página un código QR que la abre. El estado impreso junto a cada insignia es el que encontró el Backpack de quien la envía al hacer el PDF.
pdf-skill-badges = { $n ->
    [one] insignia { $list }
   *[other] insignias { $list }
  }
pdf-page-footer = { $title } · página { $page } de { $total }
pdf-description = { $n } Open Badges, cada uno con su credencial original adjunta
export-privacy-none = con esta exportación no sale de este equipo ningún identificador que permita relacionarte
export-privacy-header = esta exportación comparte estos identificadores que permiten relacionarte:
export-privacy-in = (en «{ $badge }»)
export-privacy-hidden = oculto en la página, pero sigue dentro del original firmado
export-privacy-signed-note = los originales firmados no pueden cambiarse sin romper sus firmas, así que los identificadores que llevan dentro se comparten tal como se emitieron
export-privacy-kind-email = dirección de correo
export-privacy-kind-hashed-email = correo con hash (quien conozca la dirección puede confirmarla)
export-privacy-kind-did = DID del destinatario
export-privacy-kind-other = identidad del destinatario
export-privacy-kind-credential-id = id. de la credencial
export-privacy-kind-learner-did = el did:key de tu cartera (firma la presentación)
export-font-notice = ninguna fuente instalada puede imprimir { $chars }: salen como recuadros vacíos en el pdf (el texto sigue siendo seleccionable); instala una fuente para esa escritura (en Debian: fonts-noto-core, fonts-noto-cjk)

## línea de órdenes: compartido (cli/src/commands/mod.rs). Fluent quita los espacios al
## principio y al final de un valor: el código añade el espacio final de las preguntas.
cli-key-pending = aviso: tu clave de firma sigue dentro del archivo de la cartera: { $why }
cli-cannot-write = no se puede escribir { $path }: { $error }
cli-key-moved = tu clave de firma ha salido del archivo de la cartera y está ahora en { $store }
cli-key-move-failed = aviso: no se pudo sacar tu clave de firma del archivo de la cartera: { $error }
cli-guardian-hint = una persona tutora puede escribirla cuando se pida, o definir BACKPACK_GUARDIAN_PASSPHRASE
cli-minor-offline = el modo menor está activado: se comprueba sin conexión
cli-restore-hint = para restaurar una copia de seguridad: backpack --wallet { $path } restore ARCHIVO-DE-COPIA --force  (el archivo actual se conserva al lado como .before-restore)
cli-cannot-open-wallet = no se puede abrir la cartera { $path }: { $error }
cli-prompt-wallet-passphrase = Frase de contraseña de la cartera { $path }:
cli-reading-wallet-passphrase = al leer la frase de contraseña de la cartera
cli-prompt-repeat-wallet = Repite la frase de contraseña de la cartera:
cli-passphrases-differ = las dos frases de contraseña no coinciden
cli-prompt-guardian = El modo menor está activado. Frase de contraseña de la persona tutora:
cli-reading-guardian-passphrase = al leer la frase de contraseña de la persona tutora
cli-key-store-choices = usa os, file o auto
cli-prompt-new-key-passphrase = Aquí no hay llavero del sistema: elige una frase de contraseña para el archivo de tu clave de firma:
cli-prompt-key-passphrase = Frase de contraseña del archivo de tu clave de firma:
cli-prompt-repeat-it = Repítela:
cli-status-verified = verificada
cli-status-issuer_not_confirmed = emisor no confirmado
cli-status-could_not_check = no se pudo comprobar
cli-status-invalid = no válida
cli-status-expired = caducada
cli-status-revoked = revocada
cli-status-unreadable = ilegible
cli-status-not_checked = sin comprobar
cli-expected-one-of = se esperaba uno de: { $choices }
cli-not-a-badge-id = { $value } no es un id de insignia (un número, como en "backpack list")

## backpack list
cli-list-empty = no hay insignias (importa alguna con: backpack import RUTA)
cli-list-trust-known = conocido
cli-list-trust-claims = dice serlo
cli-list-trust-test = (prueba)
cli-col-id = ID
cli-col-name = NOMBRE
cli-col-issuer = EMISOR
cli-col-issued = EMITIDA
cli-col-format = FORMATO
cli-col-status = ESTADO
cli-col-trust = CONFIANZA

## backpack show (etiquetas en columna: la más larga fija su ancho)
cli-show-badge = insignia
cli-show-issuer = emisor
cli-show-issued = emitida
cli-show-valid-from = válida desde
cli-show-valid-until = válida hasta
cli-show-format = formato
cli-show-status = estado
cli-show-issuer-label = etiqueta emisor
cli-show-why = motivo
cli-show-checked-at = comprobada
cli-show-earlier = antes
cli-show-conflict = conflicto
cli-show-kept-aside = apartada
cli-show-endorsed-by = respaldo de
cli-show-description = descripción
cli-show-criteria = criterios
cli-show-recipient = destinatario
cli-show-skill = competencia
cli-show-evidence = evidencia
cli-show-result = resultado
cli-show-image = imagen
cli-show-tags = etiquetas
cli-show-note = nota
cli-show-source = origen
cli-show-sha256 = sha256
cli-show-parent = contenida en
cli-show-inside = contiene
cli-show-replaced-by = sustituida por
cli-show-history = historial
cli-show-removed = quitada
cli-show-format-value = { $format } (especificación { $spec }, archivo { $container })
cli-show-older-rules = con reglas antiguas que no confirmaban quién firmó
cli-show-conflict-value = dice ser una versión más reciente de #{ $id }, pero no está firmada con la clave del emisor
cli-show-kept-aside-value = #{ $id } dice ser una versión más reciente de esta insignia, pero no está firmada con la clave del emisor
cli-show-endorsed-value = { $by } ({ $status }, { $scope ->
    [credential] a la credencial
    [achievement] al logro
    [issuer] al emisor
    [creator] a quien lo creó
   *[other] a la insignia
  })
cli-show-endorsed-file-value = { $by } ({ $status }, { $scope ->
    [credential] a la credencial
    [achievement] al logro
    [issuer] al emisor
    [creator] a quien lo creó
   *[other] a la insignia
  }; archivo { $file })
cli-show-kind-email = correo
cli-show-kind-url = URL
cli-show-kind-telephone = teléfono
cli-show-kind-did = DID
cli-show-hashed = (con hash)
cli-show-result-default = resultado
cli-show-image-baked = el propio archivo de la insignia ({ $mime })
cli-show-image-data = incluida ({ $bytes } bytes)
cli-show-image-remote = remota { $url } (no descargada)
cli-show-source-value = { $source } (importada { $at })
cli-show-parent-value = #{ $id } (el CLR en el que llegó)
cli-show-replaced-value = #{ $id } (esta es una versión anterior)

## backpack verify, recheck (los detalles de cada comprobación son mensajes chk-… del núcleo)
cli-verify-fetch-cached = { $status } desde la caché de la cartera (descargado { $at })
cli-verify-fetch-took = { $status } en { $ms } ms
cli-check-decode = lectura
cli-check-parse = formato
cli-check-schema = campos
cli-check-proof = firma
cli-check-issuer_key = clave
cli-check-hosted = alojada
cli-check-issuer = emisor
cli-check-expiry = caducidad
cli-check-not_before = vigencia
cli-check-status = revocación
cli-check-recipient = titular
cli-verify-too-large = mayor que el límite de { $limit } bytes por archivo
cli-verify-no-response = sin respuesta
cli-verify-fetch = descarga { $url }: { $what }
cli-verify-cannot-read = { $file }: no se puede leer: { $error }
cli-verify-trust = confianza: { $label }

## backpack import (la primera palabra de cada línea va en una columna de 10)
cli-import-imported = importada
cli-import-conflict-word = conflicto
cli-import-duplicate = repetida
cli-import-endorsement = respaldo
cli-import-refused = rechazada
cli-import-skipped = omitida
cli-import-failed = fallida
cli-import-inside = { $n ->
    [one] con { $n } credencial dentro
   *[other] con { $n } credenciales dentro
  }
cli-import-newer = versión más reciente de #{ $id } (la anterior queda como historial)
cli-import-history = otra versión de #{ $id } (mismo id), guardada como historial
cli-import-conflict = dice ser una versión más reciente de #{ $id }, pero no está firmada con la clave del emisor: se guarda a su lado, no en su lugar
cli-import-by = de { $name }
cli-import-endorses-missing = respalda { $target } (no está en tu cartera)
cli-import-endorses = respalda { $ids }
cli-import-already = ya está en tu cartera
import-line-inside = { $name } (y { $n ->
    [one] { $n } insignia dentro
   *[other] { $n } insignias dentro
  })
import-line-history = { $name }: una versión anterior de una insignia que ya tienes, guardada como su historial
import-line-already = ya está en tu cartera
import-line-endorsement-by = { $name }: un aval de { $endorser }, { $place }
import-line-endorsement = { $name }: un aval, { $place }
import-line-endorses-missing = de algo que no está en tu mochila
import-line-endorses = { $n ->
    [one] se muestra en { $n } de tus insignias
   *[other] se muestra en { $n } de tus insignias
  }
import-line-conflict = { $name }: dice ser una versión más nueva de la insignia n.º { $id }, pero no está firmada con la clave del emisor, así que se guardó a su lado, no en su lugar
cli-import-summary = { $imported ->
    [one] { $imported } importada
   *[other] { $imported } importadas
  }, { $duplicate } ya en tu cartera, { $refused ->
    [one] { $refused } rechazada
   *[other] { $refused } rechazadas
  }
cli-import-n-failed = { $n ->
    [one] { $n } fallida
   *[other] { $n } fallidas
  }
cli-import-n-skipped = { $n ->
    [one] { $n } omitida
   *[other] { $n } omitidas
  }
cli-import-learncard-prompt = Contraseña del paquete de LearnCard:
cli-import-reading-password = al leer la contraseña

## backpack export (el aviso de privacidad y el de fuentes del PDF son mensajes export-… del núcleo)
cli-export-not-in-vp = fuera de la presentación firmada (las Open Badges 2.0 no pueden ir en ella): { $names }
cli-export-wrote = { $n ->
    [one] escrito { $file } ({ $n } insignia, { $bytes } bytes)
   *[other] escrito { $file } ({ $n } insignias, { $bytes } bytes)
  }

## backpack recheck
cli-recheck-cannot-list = no se pueden listar las insignias de la cartera
cli-recheck-cannot-read-profile = no se puede leer el perfil de quien aprende
cli-recheck-cannot-read-badges = no se pueden leer las insignias de la cartera
cli-recheck-cannot = no se puede volver a comprobar la insignia { $id }
cli-recheck-no-such = insignia { $id }: no existe en tu cartera
cli-recheck-empty = la cartera no tiene insignias que comprobar
cli-recheck-refresh = actualización: { $what }
cli-recheck-replaced = el servicio de actualización del emisor dio una versión más reciente, ahora #{ $id } (esta se guarda como su historial)

## backpack collection
cli-collection-created = creada la colección #{ $id } «{ $name }»
cli-collection-renamed = la colección #{ $id } «{ $name }» se llama ahora «{ $new }»
cli-collection-holds = { $n ->
    [one] la colección #{ $id } «{ $name }» tiene ahora { $n } insignia
   *[other] la colección #{ $id } «{ $name }» tiene ahora { $n } insignias
  }
cli-collection-not-in = no están en la colección «{ $name }»: { $ids }
cli-collection-none = aún no hay colecciones: backpack collection create NOMBRE
cli-collection-count = { $n ->
    [one] { $n } insignia
   *[other] { $n } insignias
  }
cli-collection-deleted = { $n ->
    [one] borrada la colección #{ $id } «{ $name }» (su { $n } insignia sigue en la cartera)
   *[other] borrada la colección #{ $id } «{ $name }» (sus { $n } insignias siguen en la cartera)
  }

## backpack profile
cli-profile-added = añadido { $kind } { $value }
cli-profile-none = aún no hay identidades (añade una con: backpack profile add-email CORREO)
cli-profile-removed = quitado { $value }
cli-profile-not-in = { $value } no está en tu perfil
cli-profile-kind-email = correo
cli-profile-kind-did = did
cli-profile-kind-url = url

## backpack remove
cli-remove-restored = recuperada #{ $id } «{ $name }»
cli-remove-removed = quitada #{ $id } «{ $name }» (para deshacerlo: backpack remove --undo { $id })
cli-remove-purged = { $n ->
    [one] borrada para siempre { $n } insignia quitada
   *[other] borradas para siempre { $n } insignias quitadas
  }

## backpack init
cli-init-no-passphrase = no hay frase de contraseña de la cartera: define BACKPACK_WALLET_PASSPHRASE o ejecuta en una terminal
cli-init-cannot-create = no se puede crear { $path }
cli-init-created-encrypted = creada la cartera cifrada { $path }
cli-init-created = creada la cartera { $path }
cli-init-cannot-encrypt = no se puede cifrar { $path }
cli-init-encrypted = cifrada la cartera { $path } (cierra antes la app si la tenía abierta)
cli-init-cannot-decrypt = no se puede descifrar { $path }
cli-init-decrypted = la cartera { $path } ya no está cifrada
cli-init-already-encrypted = { $path } ya está cifrada
cli-init-not-encrypted = { $path } no está cifrada
cli-init-exists = la cartera { $path } ya existe

## backpack backup, restore, minor-mode
cli-reading-passphrase = al leer la frase de contraseña
cli-reading-passphrase-stdin = al leer la frase de contraseña de la entrada estándar
cli-prompt-repeat = Repite la frase de contraseña:
cli-backup-no-wallet = { $path }: aquí no hay ninguna cartera que copiar
cli-backup-lacks-key = a la copia de seguridad le faltaría tu clave de firma
cli-backup-prompt = Frase de contraseña de la copia de seguridad:
cli-backup-done = copia de { $wallet } guardada en { $file } ({ $bytes } bytes, cifrada)
cli-backup-too-large = { $file }: { $bytes } bytes superan el límite de { $limit } bytes de una copia de seguridad
cli-restore-needs-passphrase = { $path } está cifrada: indica su frase de contraseña (BACKPACK_WALLET_PASSPHRASE) para que la cartera restaurada también quede cifrada (¿la has perdido? aparta el archivo, restaura y luego ejecuta backpack init --encrypt)
cli-restore-done = restaurados { $bytes } bytes de cartera en { $path }
cli-restore-previous = la cartera anterior se conserva en { $path }
cli-minor-prompt-repeat = Repite la frase de contraseña de la persona tutora:
cli-minor-prompt-new = Nueva frase de contraseña de la persona tutora:
cli-minor-prompt = Frase de contraseña de la persona tutora:
cli-minor-on = el modo menor está activado: la red, exportar, las copias de seguridad y los archivos originales necesitan la frase de contraseña de la persona tutora
cli-minor-off = el modo menor está desactivado
cli-minor-status-on = el modo menor está activado

## backpack hosts, linkedin
cli-hosts-none = no hay ningún servidor de insignias conectado (backpack connect URL)
cli-hosts-col-address = DIRECCIÓN
cli-hosts-col-signed-in = SESIÓN COMO
cli-hosts-col-last-sync = ÚLTIMA SINCRONÍA
cli-hosts-col-synced = SINCRONIZADAS
cli-hosts-never = nunca
cli-hosts-removed = quitado
cli-hosts-badges-stay = (sus insignias siguen en tu cartera)
cli-linkedin-name = Nombre
cli-linkedin-organization = Empresa emisora
cli-linkedin-issued = Fecha de expedición
cli-linkedin-expires = Fecha de caducidad
cli-linkedin-credential-id = ID de la credencial
cli-linkedin-credential-url = URL de la credencial
cli-linkedin-no-url = (ninguna: la insignia no tiene una dirección https pública propia)
cli-linkedin-add = Añadir a LinkedIn:
cli-no-browser = no se pudo abrir un navegador ({ $error }): abre tú el enlace de arriba

## backpack verify-share (los detalles y las diferencias de la página son mensajes chk-… del núcleo)
cli-share-too-large = { $file }: { $bytes } bytes superan el límite de { $limit } bytes de una exportación compartida
cli-outcome-pass = correcta
cli-outcome-fail = fallida
cli-outcome-skipped = omitida
cli-outcome-error = no se pudo comprobar
cli-share-kind-html = portafolio html
cli-share-kind-zip = paquete zip
cli-share-kind-vp = presentación verificable
cli-share-kind-pdf = pdf con las credenciales adjuntas
cli-share-titled = titulado «{ $title }» por quien lo envía
cli-share-exported = exportado el { $at }
cli-share-unknown-format = formato desconocido
cli-share-no-badge = (ninguna insignia legible)
cli-share-not-named = (sin nombre)
cli-share-issuer = emisor: { $issuer }
cli-share-issued = emitida el
cli-share-valid-from = válida desde el
cli-share-expires = caduca el
cli-share-why = motivo: { $why }
cli-share-from = de: { $source } ({ $format })
cli-share-integrity-fail = integridad: fallida — { $detail }
cli-share-recipient-matches = coincide
cli-share-recipient-differs = no coincide
cli-share-recipient-not-stated = no consta
cli-share-recipient = destinatario: { $state } — { $detail }
cli-share-presentation = presentación: { $outcome } — { $detail }
cli-share-holder = (titular { $holder })
cli-share-challenge = desafío: { $value }
cli-share-domain = dominio: { $value }
cli-share-no-presentation = presentación: ninguna en este archivo
cli-share-pdf-pages = páginas: las páginas impresas son una copia y no se comparan; lo que aparece arriba viene de las credenciales adjuntas
cli-share-page-matches = página: { $page } muestra exactamente lo que dicen sus credenciales
cli-share-page-differs = página: { $page } NO muestra lo que dicen sus credenciales; lee las insignias de arriba, no la página:
cli-share-problem = problema: { $problem }
cli-share-summary = { $n ->
    [one] { $verified } de { $n } insignia verificada
   *[other] { $verified } de { $n } insignias verificadas
  }
cli-share-all-verify = todo se verifica
cli-share-not-all-verify = no todo se verifica

## backpack connect, sync (mensajes err-host-… del núcleo; las palabras del propio servidor se muestran tal cual)
cli-note = nota: { $note }
cli-connect-sign-in = Inicia sesión en el servidor de insignias en tu navegador. Si no se abre, visita:
cli-connect-memory-note = nota: { $error }: tu sesión en el servidor se guarda solo para esta orden y no se escribe nada secreto en el disco; la próxima sincronización te pedirá iniciar sesión de nuevo
cli-connect-as = como { $name }
cli-connect-connected = conectado
cli-connect-discovery-note = nota: el documento de descubrimiento del servidor: { $note }
cli-connect-kept-in = tu sesión se guarda en { $store }
cli-connect-next = siguiente paso: backpack sync { $id }
cli-sync-no-host = no hay ningún servidor de insignias conectado: backpack connect URL
cli-sync-history = otra versión de #{ $id }, guardada como historial
cli-sync-conflict = dice ser una versión más reciente de #{ $id }, pero no está firmada con la clave del emisor: se guarda a su lado
cli-sync-note = nota
cli-sync-summary = { $imported ->
    [one] { $imported } nueva
   *[other] { $imported } nuevas
  }, { $duplicate } ya en tu cartera, { $synced } ya sincronizadas, { $refused ->
    [one] { $refused } rechazada
   *[other] { $refused } rechazadas
  }

## backpack trust (los formatos de lista son mensajes trust-format-… del núcleo; las etiquetas de emisor son las de la propia lista)
cli-trust-exists = ya hay en tu cartera una lista de confianza llamada { $name }: usa --replace para sustituirla, o --name para importarla con otro nombre
cli-trust-imported = { $n ->
    [one] importada la lista de confianza '{ $name }' (#{ $id }): { $n } emisor, { $format }
   *[other] importada la lista de confianza '{ $name }' (#{ $id }): { $n } emisores, { $format }
  }
cli-trust-replaced = { $n ->
    [one] sustituida la lista de confianza '{ $name }' (#{ $id }): { $n } emisor, { $format }
   *[other] sustituida la lista de confianza '{ $name }' (#{ $id }): { $n } emisores, { $format }
  }
cli-trust-dated = con fecha { $date }
cli-trust-test-note = una lista de prueba: sus etiquetas dicen «emisor de prueba, no es señal de confianza» (cualquiera podría firmar como emisor de pruebas)
cli-trust-none = no hay listas de confianza (importa una con: backpack trust import ARCHIVO --name NOMBRE)
cli-trust-test-tag = [lista de prueba]
cli-trust-issuers = { $n ->
    [one] { $n } emisor
   *[other] { $n } emisores
  }
cli-trust-imported-on = importada { $date }
cli-trust-from = de { $source }
cli-trust-removed = { $n ->
    [one] quitada la lista de confianza '{ $name }' ({ $n } emisor); tus insignias y sus comprobaciones no cambian
   *[other] quitada la lista de confianza '{ $name }' ({ $n } emisores); tus insignias y sus comprobaciones no cambian
  }
cli-trust-no-such = no hay ninguna lista de confianza { $name } en tu cartera (ver: backpack trust list)
cli-trust-not-read = nota: no se leyeron las listas de confianza ({ $error }); no se muestran etiquetas de emisor

## backpack skills (los nombres de competencias, marcos e insignias se muestran tal como se emitieron)
cli-skills-unreadable = (ilegible)
cli-skills-no-match = Ninguna competencia, resultado o tipo de logro coincide.
cli-skills-none = Ninguna insignia de la cartera nombra una competencia, un resultado o un tipo de logro.
cli-skills-count = { $n ->
    [one] Competencias: { $count } en { $n } marco
   *[other] Competencias: { $count } en { $n } marcos
  }
cli-skills-results = Resultados
cli-skills-types = Tipos de logro
cli-skills-stacks = Itinerarios
cli-skills-linked-by = enlazados por { $ids }
cli-skills-shared-target = insignias alineadas con la misma competencia
cli-skills-not-held = no está en la cartera
cli-skills-timeline = Cronología
cli-skills-undated = sin fecha

## backpack a secas: la app de escritorio
cli-app-opening = abriendo la app Backpack (backpack --help para la línea de órdenes)
cli-app-cannot-start = no se puede iniciar { $app }: { $error }
cli-app-missing-library = la app de escritorio no puede iniciarse: falta la biblioteca del sistema { $lib }. Instala las bibliotecas que necesita (Debian/Ubuntu: sudo apt install libwebkit2gtk-4.1-0 libgtk-3-0; Fedora: sudo dnf install webkit2gtk4.1 gtk3), o reinstala el paquete de Backpack con apt o dnf, que las instala por ti.

## wallet gallery
wallet-title = Mis insignias
recheck-all = Comprobar todas de nuevo
toolbar =
    .aria-label = Búsqueda y filtros
search-label = Buscar insignias
search-input =
    .placeholder = Busca nombre, emisor, habilidad…  (pulsa /)
filter-issuer = Filtrar por emisor
filter-status = Filtrar por estado
filter-collection = Filtrar por colección
filter-tag = Filtrar por etiqueta
any-status = Cualquier estado
all-issuers = Todos los emisores
all-collections = Todas las colecciones
all-tags = Todas las etiquetas
sort-label = Ordenar
sort-date-desc = Más recientes primero
sort-date-asc = Más antiguas primero
sort-name = Nombre A–Z
sort-issuer = Emisor A–Z
empty-title = Tu mochila está vacía
empty-text = Añade las insignias que has ganado: imágenes con la insignia dentro (PNG o SVG), archivos de insignia (JSON o JWT) o enlaces.
empty-add = Añadir insignias
try-samples = Probar las insignias de ejemplo
no-match = Ninguna insignia coincide.
clear-filters = Borrar la búsqueda y los filtros
gallery =
    .aria-label = Insignias
result-count = { $total ->
    [one] { $total } insignia
   *[other] { $total } insignias
  }
result-count-some = { $shown } de { $total } insignias
rechecking = Comprobando { $done } de { $total }…
rechecked = { $n ->
    [one] Se comprobó { $n } insignia de nuevo.
   *[other] Se comprobaron { $n } insignias de nuevo.
  }
samples-added = { $n ->
    [0] Las insignias de ejemplo ya están en tu mochila.
    [one] Se añadió { $n } insignia de ejemplo a tu mochila.
   *[other] Se añadieron { $n } insignias de ejemplo a tu mochila.
  }
card-label = { $name }, de { $issuer }, { $status }
card-label-trust = { $name }, de { $issuer }, { $status }, { $trust }
trust-known = emisor conocido
trust-claims = dice ser de un emisor conocido
trust-test = emisor de prueba

## collections (static part)
collections-title = Colecciones
new-collection-label = Nombre de la nueva colección
new-collection-input =
    .placeholder = Nueva colección, p. ej. Solicitudes de empleo
collection-list =
    .aria-label = Tus colecciones

## import (static part)
import-title = Añadir insignias
drop-title = Suelta aquí archivos o carpetas
drop-text = Imágenes PNG o SVG con la insignia dentro, archivos JSON o JWT, un ZIP de insignias o la exportación de otra cartera (copia de Learner Credential Wallet, paquete de LearnCard, lista de Badgr, ZIP de Mozilla Backpack, PDF de Open Badge Factory).
pick-files = Elegir archivos…
pick-folder = Elegir una carpeta…
paste-title = Pegar una insignia
paste-text = Su JSON, un JWT o el enlace a una insignia alojada.
paste-add = Añadir la insignia pegada
add-samples = Añadir las insignias de ejemplo
received-title = ¿Has recibido un portafolio?
received-text = Comprueba una página HTML, un ZIP o una presentación que alguien te haya enviado. Solo se comprueba, no se añade.
open-received = Comprobar un archivo recibido…
hosts-title = Conectar un servicio de insignias
hosts-text = Trae tus insignias de un centro o plataforma compatible con la API de Open Badges 3.0. Inicias sesión en su propia web, en tu navegador; Backpack guarda el acceso en el almacén de credenciales de tu sistema y comprueba cada insignia que trae.
hosts-network = Primero permite el acceso a la red en Ajustes.
host-url = Dirección del servicio
host-connect = Conectar
host-signin-text = Esperando a que inicies sesión en tu navegador…
host-signin-copy = Si tu navegador no se abrió, copia en él esta dirección:
progress-label = Añadiendo insignias…
results = Resultados
drop-overlay = Suelta para añadir a tu mochila

## settings (static part)
settings-title = Ajustes
language-title = Idioma
language-label = Idioma de la app
language-system = Seguir al sistema ({ $name })
language-help = Las exportaciones y la línea de órdenes siguen en inglés.

## first run
welcome-title = Te damos la bienvenida a Backpack
welcome-skip = Omitir por ahora
welcome-lead = Tus insignias, en tu ordenador, bajo tu control. Tres pasos para empezar:
welcome-step1-title = Añade tus correos electrónicos
welcome-step1-why = Las insignias se emiten a una dirección de correo. Backpack usa las tuyas para comprobar que una insignia se emitió de verdad para ti, solo en este ordenador.
welcome-email-label = Correo electrónico
welcome-email-input =
    .placeholder = tu@ejemplo.org
welcome-step2-title = Trae tus insignias
welcome-step2-how = Suelta archivos de insignias o una carpeta entera en cualquier parte de esta ventana, o elígelos. ¿Aún no lo tienes claro? Prueba las insignias de ejemplo.
welcome-samples = Probar los ejemplos
welcome-step3-title = Qué se queda en este ordenador
welcome-step3-text = Todo: tus insignias, sus archivos originales, tus correos y tus notas están en un solo archivo de cartera aquí. No se envía nada a ningún sitio salvo que permitas las comprobaciones en red en Ajustes o exportes tú un archivo.
welcome-done = Ir a mis insignias
welcome-email-added = Se añadió { $email }.
remove-identity =
    .aria-label = Quitar { $value }

## help
help-title = Ayuda
help-show-welcome = Ver de nuevo los primeros pasos
help-verdicts-title = Qué significa el estado de una insignia
help-verdicts-intro = Backpack comprueba cada insignia al añadirla, y de nuevo cuando lo pides. Cada insignia muestra uno de estos estados:
help-inc-title = «Emisor no confirmado»
help-inc-text1 = La firma de la insignia está intacta: nadie la ha cambiado desde que se firmó. Pero Backpack no pudo confirmar que la clave que la firmó pertenezca a la organización que figura como emisora.
help-inc-text2 = Cualquiera puede crear una clave y firmar una insignia con cualquier nombre. Permite las comprobaciones en red para que Backpack obtenga las claves publicadas por el emisor, o importa en Ajustes una lista de emisores de confianza de tu centro.
help-share-title = Compartir tus insignias
help-share-text = Crea una colección (Colecciones), añádele insignias desde la página de cada una y elige Exportar. Obtienes un archivo —una página web, un ZIP, un PDF o una presentación firmada— que envías tú. Quien lo reciba puede comprobar cada insignia sin conexión. Antes de guardar, Backpack te dice exactamente qué mostrará el archivo sobre ti.
help-backup-title = Copias de seguridad
help-backup-text = Todas tus insignias están en un solo archivo de cartera; Ajustes muestra dónde. Cópialo con Backpack cerrado, o haz una copia cifrada desde la línea de órdenes: backpack backup ARCHIVO. Guarda la copia en otro sitio, como una memoria USB.
help-minor-title = Qué protege el modo menor
help-minor-text = Para estudiantes más jóvenes. Con el modo menor activado, compartir, exportar, las copias de seguridad, los archivos originales y todas las funciones de red quedan ocultos hasta que una madre, un padre o un tutor introduce la frase de paso. Las insignias se pueden seguir viendo y comprobando en este ordenador.

## shared helpers (dom.js)
url-web =
    .title = Dirección web (cópiala para abrirla en tu navegador)
url-not-web =
    .title = No es una dirección web
key-pass-title = Frase de paso de la clave de firma
key-pass-text = Este ordenador no tiene llavero, así que Backpack guarda la clave que firma tus portafolios en un archivo cifrado junto a tu cartera. Escribe su frase de paso (la primera vez: elige una y guárdala bien). Backpack la conserva solo hasta que cierres la app.

## badge detail (views/detail.js)
check-decode = Leer el archivo
check-parse = Reconocer la insignia
check-schema = Campos obligatorios presentes
check-proof = Firma digital
check-issuer_key = Clave del emisor
check-hosted = La copia alojada coincide
check-issuer = Perfil del emisor
check-expiry = No caducada
check-not_before = Ya válida
check-status = No revocada
check-recipient = Emitida para ti
outcome-pass = Correcto
outcome-fail = Falló
outcome-skipped = No necesario
outcome-error = No se pudo comprobar
loading = Cargando…
unknown-issuer = Emisor desconocido
unknown-endorser = Avalista desconocido
badge-image-alt = Imagen de la insignia { $name }
remote-image = La imagen de esta insignia está en la web del emisor. No se carga, así que el emisor no puede saber cuándo miras tus insignias.
download-original = Descargar el archivo original
add-to-linkedin = Añadir a LinkedIn
remove-badge = Quitar de la mochila
col-check = Comprobación
col-result = Resultado
col-detail = Detalle
tech-details = Detalles técnicos
verdict-valid = válida
verdict-invalid = no válida
verdict-indeterminate = sin determinar
verdict-error = error
tech-summary = Veredicto: { $verdict } · formato: { $format } · comprobada { $checked }
summary-signed = Firmada con la clave de { $issuer }: comprobada { $how } el { $when }.
summary-confirmed = Confirmada con { $issuer }: comprobada { $how } el { $when }.
summary-revoked = { $issuer } revocó esta insignia (comprobada { $how } el { $when }).
summary-expired = Esta insignia ha caducado (comprobada { $how } el { $when }).
summary-failed = Esta insignia no superó la verificación: { $why } (comprobada { $how } el { $when }).
summary-not-confirmed = La firma está intacta, pero nada que controle { $issuer } confirma que la clave es suya (comprobada { $how } el { $when }): { $why }.
summary-indeterminate = No se pudo comprobar del todo { $how } el { $when }: { $why }. Nada falló.
summary-error = No se pudo leer esta insignia el { $when }: { $why }.
summary-how-online = en línea
summary-how-offline = sin conexión
summary-the-issuer = el emisor
summary-a-check-failed = una comprobación falló
summary-something-unchecked = algo no se pudo comprobar
summary-unreadable = no se pudo leer ninguna insignia
summary-stale = Comprobada por última vez el { $when } con una versión anterior de Backpack que no confirmaba quién firmaba las insignias: elige «Comprobar de nuevo».
summary-not-checked = Aún sin comprobar: elige «Comprobar de nuevo».
tech-key = Clave:
from-cache = (de la caché)
earlier-checks = Comprobaciones anteriores
earlier-older-rules = comprobada con reglas anteriores que no confirmaban quién la firmó
check-again = Comprobar de nuevo
checking = Comprobando…
checked-again = Comprobada de nuevo: { $status }.
conflict-note = Esta copia dice ser una versión más nueva de otra insignia de tu mochila, pero no está firmada con la clave del emisor, así que se ha apartado.
conflict-open = Abrir la insignia que dice sustituir
conflicts-note = { $n ->
    [one] Se apartó una copia de esta insignia que dice ser más nueva: no está firmada con la clave del emisor.
   *[other] Se apartaron { $n } copias de esta insignia que dicen ser más nuevas: no están firmadas con la clave del emisor.
  }
conflict-open-n = Abrir n.º { $n }
f-issued = Emitida
f-valid-from = Válida desde
f-valid-until = Válida hasta
f-type = Tipo
f-standard = Estándar
f-issuer = Emisor
f-issuer-website = Web del emisor
f-issuer-email = Correo del emisor
f-issuer-id = Identificador del emisor
f-badge-id = Identificador de la insignia
f-file = Archivo
f-added = Añadida
issued-by = Emitida por
about-badge = Sobre esta insignia
details = Detalles
alignments = Habilidades y alineaciones
alignment = Alineación
evidence = Evidencias
result = Resultado
level = nivel { $level }
issuer-tags = Etiquetas del emisor
scope-credential = esta insignia
scope-achievement = este logro
scope-issuer = el emisor
scope-creator = quien creó el logro
endorsements = Avales
endorsed-by = Avalada por { $endorser }
endorsement-of = de { $scope }
trust-from-list = De la lista de confianza «{ $list }» (Ajustes)
criteria = Cómo se consiguió
criteria-page = Página de criterios:
issued-to = Emitida para
recipient-hashed = oculto (con hash): se compara con los correos de Ajustes
badge-note = 
    .aria-label = Tu nota sobre esta insignia
    .placeholder = ¿Qué hiciste para conseguirla? Solo tú lo ves.
badge-tags = 
    .aria-label = Tus etiquetas, separadas por comas
    .placeholder = p. ej. robótica, verano 2026
saved = Guardado.
save = Guardar
notes-tags = Tus notas y etiquetas
add-to-collection-select = 
    .aria-label = Colección a la que añadir esta insignia
added-to-collection = Añadida a la colección.
in-no-collection = Aún no está en ninguna colección.
add-to-collection = Añadir a la colección
make-a-collection-first = Crea una colección en Colecciones para agrupar insignias para una solicitud.
saved-original = Se guardó el archivo original, byte a byte.
remove-title = ¿Quitar esta insignia?
remove-text = «{ $name }» se quitará de tu mochila. Podrás deshacerlo justo después.
removed = Se quitó «{ $name }».
undo = Deshacer
restored = Insignia restaurada.

## collections (views/collections.js)
collection-created = Se creó «{ $name }».
collections-empty-title = Agrupa tus insignias
collections-empty-text = Crea una colección para una solicitud de empleo, un portafolio para la universidad o un club, y añádele insignias desde la página de cada una.
collection-name = 
    .aria-label = Nombre de la colección
collection-note = 
    .aria-label = Nota para esta colección
    .placeholder = Una breve presentación, p. ej. para quien la reciba.
collection-saved = Colección guardada.
collection-delete-title = ¿Eliminar esta colección?
collection-delete-text = «{ $name }» se eliminará. Las insignias siguen en tu mochila.
collection-deleted = Colección eliminada.
delete = Eliminar
collection-badges = 
    .aria-label = Insignias de { $name }
move-up = 
    .aria-label = Subir { $name }
move-down = 
    .aria-label = Bajar { $name }
remove-from-collection = 
    .aria-label = Quitar { $name } de { $collection }
note = Nota
collection-badges-title = Insignias ({ $n })
collection-no-badges = Aún no hay insignias. Abre una insignia y elige «Añadir a la colección».
format-html = Página web (HTML): se abre en cualquier navegador, sin conexión
format-zip = Paquete ZIP: página, archivos originales e imágenes con la insignia
format-pdf = PDF: para imprimir (sin originales verificables)
format-vp = Presentación firmada (JSON): para programas de verificación
export-format = 
    .aria-label = Formato de exportación
export-evidence = Incluir las evidencias
export-notes = Incluir mis notas
export-dates = Incluir las fechas
export-emails = Mostrar mi correo en la página
export-not-in-vp = No incluidas en la presentación firmada (Open Badges 2.0): { $list }
export-warning-title = Antes de compartir
export-choose-where = Elegir dónde guardar
exported = { $n ->
    [one] Se exportó { $n } insignia ({ $kb } KB).
   *[other] Se exportaron { $n } insignias ({ $kb } KB).
  }
export-title = Compartir esta colección
export-text = Crea un archivo que puedes enviar: quien lo reciba puede comprobar cada insignia, sin conexión y sin ningún servidor.
export-button = Exportar…

## import and received files (views/import.js)
import-stopping = Parando después de este archivo…
import-progress = { $done } de { $total } archivos
import-looking = Buscando insignias…
import-stopped = se paró tras { $done } de { $total } archivos; el resto no se leyó
import-more-lines = …y { $n } más (contadas en el resumen de arriba)
import-outcome-imported = Añadida
import-outcome-duplicate = Ya estaba
import-outcome-conflict = Apartada
import-outcome-refused = No añadida
import-sum-added = { $n ->
    [one] { $n } añadida
   *[other] { $n } añadidas
  }
import-sum-duplicate = { $n } ya en tu mochila
import-sum-conflict = { $n ->
    [one] { $n } apartada (no firmada por el emisor)
   *[other] { $n } apartadas (no firmadas por el emisor)
  }
import-sum-refused = { $n ->
    [one] { $n } no añadida
   *[other] { $n } no añadidas
  }
recipient-matches = Emitida para quien la envía
recipient-does_not_match = No emitida para quien la envía
recipient-not_stated = No dice para quién se emitió
received-sent-by = Enviado por (correo o DID)
received-check-recipient = Comprobar que se emitió para esa persona
received-file = Archivo recibido
received-all-verify = todo se verifica
received-not-all-verify = no todo se verifica
received-kind = Exportación { $kind }, { $n ->
    [one] { $n } credencial.
   *[other] { $n } credenciales.
  }
received-kind-made = Exportación { $kind }, hecha el { $made }, { $n ->
    [one] { $n } credencial.
   *[other] { $n } credenciales.
  }
received-from-credentials = Lo que aparece aquí se lee de las propias credenciales firmadas, no de la página.
received-page-matches = La página muestra exactamente lo que dicen sus credenciales.
received-page-differs = La página no muestra lo que dicen sus credenciales.
received-trust-list = Confía en la lista de abajo, no en la página:
received-expires = Caduca
received-no-badge = Ninguna insignia legible
received-issuer-not-named = emisor sin nombre
received-changed = Modificada después de exportarse:
received-source = Origen:
received-presentation-by = Presentación de { $holder }:
received-unknown-holder = titular desconocido

## badge hosts (views/hosts.js)
host-connected = Conectado a { $host }. Tu acceso se guarda en { $store }.
host-connected-as = Conectado a { $host } como { $who }. Tu acceso se guarda en { $store }.
host-store-note = { $note }: tendrás que iniciar sesión de nuevo la próxima vez; no se escribe nada secreto en el disco.
host-forget-title = ¿Olvidar este servicio?
host-forget-text = { $name }: se borran su acceso y su historial de sincronización. Las insignias que trajo siguen en tu mochila.
host-forget = Olvidar
host-syncing = Trayendo tus insignias… (si el servicio te pide iniciar sesión de nuevo, hazlo en tu navegador)
host-synced-before = { $n } ya sincronizadas
host-last-synced = última sincronización el { $date }
host-not-synced = aún sin sincronizar
host-signed-in-as = con sesión iniciada como { $who }
host-synced-count = { $n ->
    [one] { $n } insignia de este servicio, { $last }
   *[other] { $n } insignias de este servicio, { $last }
  }
host-sync-now = Sincronizar ahora

## settings (views/settings.js)
profile-title = Tú
profile-text = Tus correos y DID permiten a Backpack comprobar que una insignia se emitió para ti. Nunca salen de este ordenador.
profile-emails = Correos electrónicos
profile-add-email = Añadir un correo electrónico
profile-dids = DID
profile-add-did = Añadir un DID
network-on = Las comprobaciones en red están activadas.
network-off = Las comprobaciones en red están desactivadas.
network-title = Red
network-allow = Permitir que Backpack se conecte a internet para comprobar insignias
network-off-text = Desactivado (lo predeterminado): todas las comprobaciones se hacen en este ordenador. Algunas insignias quedarán entonces «sin comprobar».
network-on-text = Activado: al añadir o volver a comprobar una insignia, Backpack puede contactar con la web del emisor que figura en ella, para obtener una insignia alojada, la clave pública del emisor o su lista de revocación. El emisor puede ver que se comprobó esta insignia, desde tu dirección de internet. Tus correos, notas y otras insignias nunca se envían.
network-images = Las imágenes de insignias en la web no se cargan nunca, en ningún caso.
guardian-pass = Frase de paso del tutor
minor-title = Modo menor
minor-text = Para estudiantes más jóvenes: oculta compartir, exportar y todas las funciones de red hasta que una madre, un padre o un tutor introduce la frase de paso.
minor-on-toast = El modo menor está activado.
minor-turn-on = Activar el modo menor
minor-locked = El modo menor está activado. Compartir y las funciones de red están ocultos.
minor-unlocked-toast = Desbloqueado hasta que vuelvas a bloquear o cierres la app.
minor-unlock = Desbloquear
minor-unlocked = El modo menor está activado y desbloqueado en esta sesión.
minor-lock = Volver a bloquear
minor-off-toast = El modo menor está desactivado.
minor-turn-off = Desactivar el modo menor
trust-name = 
    .aria-label = Nombre de la lista (opcional)
    .placeholder = Nombre (opcional, p. ej. DCC Sandbox Registry)
trust-import = Importar una lista…
trust-imported = Se importó «{ $name }»: { $n ->
    [one] { $n } emisor
   *[other] { $n } emisores
  }{ $test ->
    [yes] {" "}(una lista de prueba)
   *[no] {""}
  }.
trust-replaced = Se sustituyó «{ $name }»: { $n ->
    [one] { $n } emisor
   *[other] { $n } emisores
  }{ $test ->
    [yes] {" "}(una lista de prueba)
   *[no] {""}
  }.
trust-test-list = lista de prueba
trust-list-line = { $n ->
    [one] { $n } emisor
   *[other] { $n } emisores
  } · { $format } · importada el { $imported }
trust-dated = con fecha { $date }
trust-remove = 
    .aria-label = Quitar la lista { $name }
trust-removed = Se quitó «{ $name }». Tus insignias no cambian.
trust-title = Listas de emisores de confianza
trust-text1 = Una lista de tu centro o de un registro en el que confías nombra a los emisores que reconoce. Las insignias de esos emisores muestran entonces «Emisor conocido» junto a su estado. Una lista nunca cambia si una insignia está verificada, y una insignia no verificada solo «dice» ser de un emisor conocido.
trust-text2 = Backpack lee su propio formato de lista y los archivos registry.json de DCC. Las listas de prueba se marcan: cualquiera podría firmar como sus emisores.
trust-none = Aún no hay listas.
trust-is-test = Es una lista de prueba
trust-replace = Sustituir una lista con el mismo nombre
key-where-os-keyring = Tu clave de firma se guarda en el llavero de este ordenador, no en el archivo de la cartera.
key-where-key-file = Este ordenador no tiene llavero: tu clave de firma se guarda en un archivo cifrado junto a la cartera.
key-where-in-wallet = Tu clave de firma sigue dentro del archivo de la cartera, de una versión anterior de Backpack. Dale una frase de paso para moverla a su propio archivo cifrado.
key-where-none = Backpack crea tu clave de firma la primera vez que exportas un portafolio firmado.
key-pass-note = Solo hace falta donde no hay llavero. Backpack la conserva hasta que cierras la app, nunca en el disco.
key-pass-set = Frase de paso de la clave de firma puesta para esta sesión.
key-pass-use = Usar esta frase de paso
key-title = Clave de firma
wallet-file-title = Tu archivo de cartera
wallet-file-text = Todas tus insignias, con sus archivos originales, están en este único archivo de este ordenador. Haz copias como de cualquier documento importante.
wallet-file-count = { $n ->
    [one] { $n } insignia.
   *[other] { $n } insignias.
  }
enc-current = Frase de paso actual de la cartera
enc-new = Nueva frase de paso de la cartera
enc-repeat = 
    .aria-label = Repite la frase de paso
    .placeholder = Repítela
enc-differ = las dos frases de paso no coinciden
enc-removed = La cartera ya no está cifrada.
enc-done = La cartera está cifrada. Backpack pedirá la frase de paso al iniciarse.
enc-is-on = Este archivo de cartera está cifrado: sin la frase de paso no se puede leer, aunque alguien lo copie.
enc-remove = Quitar el cifrado
enc-text = Cifra todo el archivo de cartera con una frase de paso. Backpack la pedirá cada vez que se inicie; si la olvidas, solo una copia de seguridad puede recuperar tus insignias. Cierra antes la línea de órdenes si está usando esta cartera.
enc-encrypt = Cifrar la cartera
enc-title = Cifrado
problem-wallet-pass = Frase de paso de la cartera
problem-backup-pass = Frase de paso de la copia
problem-open = Abrir
problem-restore = Restaurar desde una copia…
problem-locked = Esta cartera está cifrada
problem-damaged = No se pudo abrir tu cartera
problem-damaged-text = No se cambió ni se sobrescribió nada. Restaura una copia de seguridad: el archivo dañado se guarda junto a ella (como .before-restore). Desde la línea de órdenes: backpack restore COPIA --force.

## native dialogs (api.js)
dlg-received = Elige el portafolio que recibiste
dlg-received-filter = Portafolios compartidos
dlg-save-export = Guardar la exportación
dlg-backup = Elige una copia de seguridad de Backpack
dlg-folder = Elige una carpeta de insignias
dlg-files = Elige archivos de insignias
dlg-files-filter = Insignias
dlg-save-original = Guardar el archivo original de la insignia

## settings: example DID (a pseudo-locale run accents it too)
did-example = did:key:z6Mk…

## detail: nothing new

## import: technical examples (placeholders)
received-recipient = 
    .placeholder = nombre@ejemplo.org
paste-input = 
    .placeholder = {"{"}"@context": …{"}"}  o  eyJhbGciOi…  o  https://…
host-url-input = 
    .placeholder = https://insignias.ejemplo.edu

## import: from main (reach-wallets: links, other wallets)
url-title = Añadir una insignia desde un enlace
url-text = El enlace de una insignia alojada (una aserción de Open Badges 2.0 o una credencial 3.0). Solo se descarga si el acceso a la red está activado en Ajustes, y luego se comprueba.
url-input = 
    .placeholder = https://…
url-add = Añadir desde el enlace
import-outcome-skipped = Omitida
import-sum-skipped = se omitieron algunas entradas a propósito (enlaces a carpetas, claves de otra cartera, entradas que no son insignias)
import-outcome-failed = No guardada
import-sum-failed = { $n ->
    [one] { $n } no se pudo guardar (no fue rechazada: inténtalo de nuevo)
   *[other] { $n } no se pudieron guardar (no fueron rechazadas: inténtalo de nuevo)
  }
## skills and pathways (ui/js/views/skills.js)
skills-title = Competencias y trayectorias
skills-search =
    .placeholder = Buscar competencias, marcos, códigos…
skills-search-label = Buscar competencias
skills-loading = Cargando…
skills-by-framework = Competencias por marco
skills-none = Ninguna de tus insignias nombra todavía una competencia. Las insignias alineadas con un marco (ESCO, O*NET, CASE, CTDL…) muestran aquí sus competencias.
skills-no-match = Ninguna competencia coincide con tu búsqueda.
skills-results = Resultados
skills-types = Tipos de logro
skills-stacks = Trayectorias
skills-stacks-none = Todavía no hay insignias que se apoyen unas en otras. Los logros que se citan entre sí, las partes de un expediente y las insignias alineadas con la misma competencia aparecen aquí como un camino.
skills-timeline = Cronología
skills-undated = Sin fecha
skills-shown-by = { $n ->
    [one] { $n } insignia:
   *[other] { $n } insignias:
  }
skills-not-held = no está en tu mochila
skills-linked-by = Enlazado por
skills-shared = Insignias alineadas con la misma competencia, en el orden en que las obtuviste
skills-count = { $s ->
    [one] { $s } competencia
   *[other] { $s } competencias
  } en { $f ->
    [one] { $f } marco
   *[other] { $f } marcos
  }
skills-rel-related = mismo logro que
skills-rel-isParentOf = incluye
skills-rel-isChildOf = forma parte de
skills-rel-isPartOf = forma parte de
skills-rel-precedes = va antes de
skills-rel-replacedBy = se sustituye por
skills-rel-isPeerOf = es par de
skills-rel-exactMatchOf = coincide con
skills-rel-isRelatedTo = está relacionado con
li-title = Añadir a LinkedIn
li-intro = El formulario «Añadir licencia o certificación» de LinkedIn, con estos campos. Cópialos a mano o abre el formulario ya relleno.
li-name = Nombre
li-org = Organización emisora
li-issued = Fecha de emisión
li-expires = Fecha de caducidad
li-cert-id = ID de la credencial
li-cert-url = URL de la credencial
li-no-url = Ninguna: esta insignia no tiene una dirección web pública propia. LinkedIn la mostrará sin enlace.
li-link = Enlace
li-copy = Copiar
li-copied = Copiado.
li-open = Abrir LinkedIn…
li-close = Cerrar
li-confirm-title = ¿Abrir LinkedIn en tu navegador?
li-confirm-text = Tu navegador abrirá LinkedIn con «{ $name }», su emisor, fechas e ID de credencial rellenados. No se envía nada hasta que lo guardes en LinkedIn.
li-confirm-ok = Abrir LinkedIn
li-opened = LinkedIn se abrió en tu navegador.
export-skills = Incluir un resumen de competencias
skills-no-framework = Otras competencias

## detalles de la verificación (src/verify): una línea por comprobación
reason-check = { $label }: { $detail }
reason-nothing-checked = no se comprobó nada
reason-a-check-failed = una comprobación falló
reason-something-not-checked = algo no se pudo comprobar
chk-issuer-not-confirmed = firma intacta — emisor no confirmado: { $why }
## verification details: report, mod, dates, status, recipient (src/verify/*.rs)
chk-decode-already = ya decodificada
chk-decode-holding = { $container } con { $payload }
chk-decode-baked-png = png horneado
chk-decode-baked-svg = svg horneado
chk-decode-json-file = archivo json
chk-decode-jws-file = archivo jws compacto
chk-decode-url-file = archivo con una url
chk-decode-json = json
chk-decode-jws = un jws compacto
chk-decode-url = la url de una aserción alojada
chk-parse-ob2-hosted = aserción alojada de Open Badges
chk-parse-ob2-signed = aserción firmada de Open Badges
chk-parse-ob3-json = credencial Open Badges 3.0 con una prueba incrustada
chk-parse-ob3-jwt = vc-jwt de Open Badges 3.0
chk-parse-clr2-json = credencial CLR 2.0 con una prueba incrustada
chk-parse-clr2-jwt = vc-jwt de CLR 2.0
chk-parse-with-spec = { $what } (especificación { $version })
chk-date-unix-note = la marca de tiempo unix { $secs } se leyó como segundos desde 1970 (ob 1.x)
chk-date-no-zone-note = { $value } no tiene zona horaria; se leyó como utc
chk-date-no-time-note = { $value } es una fecha sin hora; se leyó como medianoche utc
chk-date-none = sin fecha { $field }
chk-date-field-error = { $field }: { $error }
chk-date-not-yet = aún no es válida: { $field } es { $date }
chk-date-valid-since = válida desde { $date } ({ $field })
chk-date-no-expiry = no caduca (sin { $field })
chk-date-end-before-start = { $end } { $end_date } es anterior a { $start } { $start_date }
chk-date-expired = caducó el { $date }
chk-date-valid-until = válida hasta { $date }
chk-date-with-note = { $detail } (nota: { $note })
err-date-not-a-date = { $value } no es una fecha
err-date-out-of-range = { $secs } está fuera de rango como marca de tiempo unix
err-date-no-time-zone = { $value } no es una fecha y hora con zona horaria
chk-status-none = la credencial no tiene credentialStatus
chk-status-joined = { $first }; { $rest }
chk-status-with-note = { $detail } ({ $note })
chk-status-no-type = (ninguno)
chk-status-unsupported-type = no se pudo comprobar: el tipo de estado { $kind } no es compatible
chk-status-revlist-no-id = la entrada 1EdTechRevocationList no tiene id (la url de la lista)
chk-status-revlist-unreachable = no se pudo comprobar la lista de revocación: { $error }
chk-status-revoked = revocada por el emisor
chk-status-revoked-why = revocada por el emisor: { $why }
chk-status-not-on-list = no está en la lista de revocación del emisor
chk-status-no-index = la entrada de estado no tiene un statusListIndex válido
chk-status-bad-size = statusSize { $size } no está entre 1 y 8
chk-status-no-list-credential = la entrada de estado no tiene statusListCredential
chk-status-list-not-json = no se pudo comprobar: la lista de estado { $url } no es json (las listas de estado jwt no son compatibles)
chk-status-list-unreachable = no se pudo comprobar la lista de estado: { $error }
chk-status-list-untrusted = no se pudo comprobar: la lista de estado { $url } no es fiable: { $why }
chk-status-list-no-subject = no se pudo comprobar: la lista de estado no tiene credentialSubject
chk-status-list-purpose = no se pudo comprobar: la lista de estado es para { $list } y la entrada para { $entry }
chk-status-list-no-encoded = no se pudo comprobar: la lista de estado no tiene encodedList
chk-status-list-unreadable = no se pudo comprobar: { $error }
chk-status-short-list = la lista tiene { $entries } entradas, menos que el mínimo de { $min }; se leyó igualmente
chk-status-index-outside = statusListIndex { $index } está fuera de la lista de estado ({ $entries } entradas)
chk-status-not-revoked = no revocada (índice { $index })
chk-status-revoked-index = revocada (índice { $index } de la lista de estado)
chk-status-not-suspended = no suspendida (índice { $index })
chk-status-suspended = suspendida (índice { $index } de la lista de estado)
chk-status-other-purpose = el propósito de estado { $purpose } tiene el valor { $value } (informativo)
err-status-other-issuer = la lista de estado la emite { $list }, no el emisor de la credencial { $cred }
err-status-list-proof = su prueba no se verifica: { $detail }
err-status-list-key = su clave de firma no está vinculada al emisor: { $detail }
err-status-list-expired = la propia lista de estado ya no es válida: { $detail }
err-status-list-not-yet-valid = la propia lista de estado aún no es válida: { $detail }
err-status-list-not-gzip = encodedList no es gzip codificado en base64url
err-status-list-inflate = encodedList no se puede descomprimir: { $detail }
err-status-list-too-large = encodedList descomprimido supera el límite de { $limit } bytes para listas de estado
chk-rcpt-none-given = no se indicó ningún destinatario con el que comparar
chk-rcpt-assertion-names-none = la aserción no nombra a ningún destinatario
chk-rcpt-not-object-or-string = el destinatario no es ni un objeto ni una cadena
chk-rcpt-no-identity = el destinatario no tiene identidad
chk-rcpt-no-identity-of-kind = emitida para una identidad de tipo { $kind }, y no diste ninguna de ese tipo
chk-rcpt-issued-to-you = emitida para ti ({ $who })
chk-rcpt-issued-to-you-hash = emitida para ti ({ $who }, coincide con el hash { $alg })
chk-rcpt-someone-else = emitida para otra persona: ninguna identidad tuya de tipo { $kind } coincide con el destinatario
chk-rcpt-someone-else-hash = emitida para otra persona: ninguna identidad tuya de tipo { $kind } coincide con el hash del destinatario
chk-rcpt-no-subject = la credencial no tiene credentialSubject
chk-rcpt-identifier-error = identificador ({ $kind }): { $error }
chk-rcpt-someone-else-subject = emitida para otra persona: ninguna de tus identidades coincide con el id ni con los identificadores del sujeto
chk-rcpt-subject-unmatchable = el sujeto no tiene ni id ni identificador, así que no se puede comparar contigo
err-rcpt-no-alg-prefix = la identidad con hash no tiene el prefijo "alg$"
err-rcpt-hash-algorithm = algoritmo de hash de identidad no compatible: { $alg }
chk-end-not-an-endorsement = un respaldo incrustado no es una EndorsementCredential
chk-end-jwt-not-jws = una entrada de endorsementJwt no es un JWS compacto
chk-end-wrong-target = respalda { $got }, no { $this } ({ $want })
chk-end-this-credential = esta credencial
chk-end-this-achievement = este logro
chk-end-this-issuer = este emisor
chk-end-this-creator = este creador
## verification details: ob2 (src/verify/ob2)
chk-ob2-the-badge-class = la clase de insignia
chk-ob2-the-issuer-profile = el perfil del emisor
chk-ob2-the-revocation-list = la lista de revocación
chk-ob2-badge-class = clase de insignia
chk-ob2-issuer-profile = perfil del emisor
chk-ob2-revocation-list = lista de revocación
chk-ob2-could-not-fetch = no se pudo obtener { $what }: { $error }
chk-ob2-could-not-fetch-http = no se pudo obtener { $what }: { $url } respondió http { $code }
chk-ob2-cannot-be-read = no se puede leer { $what }: { $error }
chk-ob2-not-http-url = { $what } { $value } no es una url http(s)
chk-ob2-neither-url-nor-object = { $what } no es ni una url ni un objeto
chk-ob2-assertion-has-no = la aserción no tiene { $what }
chk-ob2-issuer-inline-not-http = el emisor { $id } solo aparece dentro de la insignia y su id no es una url http(s), así que nada de lo que publica el emisor puede confirmarlo
chk-ob2-issuer-inline-no-id = el emisor solo aparece dentro de la insignia, sin id, así que nada de lo que publica el emisor puede confirmarlo
chk-ob2-answered-http = { $what } { $url } respondió http { $code }
chk-ob2-redirected-elsewhere = { $what } { $url } redirigió a otro origen ({ $to })
chk-ob2-not-json-object = { $what } { $url } no es un objeto json
chk-ob2-declares-other-origin = { $what } publicado en { $url } dice ser { $id }, de otro origen
chk-ob2-signed-nothing-hosted = aserción firmada: no hay nada alojado que obtener
chk-ob2-hosted-no-signature = aserción alojada: sin firma, el servidor del emisor responde por ella (ver la copia alojada)
chk-ob2-hosted-no-key = las aserciones alojadas no usan clave
chk-ob2-hosted-differs = la copia alojada no coincide con este archivo: { $diff }
chk-ob2-diff-badge = badge ({ $here } aquí, { $hosted } en la copia alojada)
chk-ob2-none = ninguna
chk-ob2-gone = { $url } responde 410 (ya no existe)
chk-ob2-revoked-gone = revocada: el servidor del emisor responde 410 (ya no existe)
chk-ob2-only-the-url = no se pudo comprobar: este archivo solo contiene la url de la aserción alojada y no se leyó la copia alojada
chk-ob2-no-dates-to-read = no hay aserción de la que leer fechas
chk-ob2-hosted-not-confirmed = no se pudo comprobar: no se confirmó la aserción alojada
chk-ob2-no-recipient-to-read = no hay aserción de la que leer el destinatario
chk-ob2-unnamed-issuer = emisor sin nombre
chk-ob2-no-id = (sin id)
chk-ob2-issuer-scope = { $name } ({ $id }): { $detail }
chk-ob2-issuer-not-served = { $name } ({ $id }): no se pudo comprobar dónde se publica la aserción, porque no se obtuvo su copia alojada
chk-ob2-issued-by = emitida por { $name } ({ $id })
chk-ob2-says-revoked = la aserción dice que está revocada
chk-ob2-no-issuer-profile = no se pudo comprobar: el perfil del emisor no está disponible
chk-ob2-hosted-live = no revocada: la aserción alojada sigue publicada
chk-ob2-schema-incomplete = la aserción está bien formada, pero no se pudo leer su clase de insignia o su emisor para comprobarlos
chk-ob2-no-revocation-list = el emisor no publica ninguna lista de revocación
chk-ob2-no-reason-given = sin motivo indicado
chk-ob2-or = { $first } o { $rest }
chk-ob2-scope-prefix-fail = el id de la aserción { $id } no empieza por el prefijo permitido por el emisor { $prefixes }
chk-ob2-scope-allowed = alojada en { $host }, uno de los orígenes permitidos por el emisor
chk-ob2-scope-not-allowed = la aserción está alojada en { $host }, que no es uno de los orígenes permitidos por el emisor ({ $allowed })
chk-ob2-scope-under-prefix = el id de la aserción está bajo el prefijo permitido por el emisor
chk-ob2-scope-issuer-not-http = emisor no confirmado: el id del emisor { $id } no es una url http, así que no se puede comprobar dónde pueden alojarse sus aserciones
chk-ob2-scope-own-origin = alojada en el propio origen del emisor { $origin }
chk-ob2-scope-other-origin = la aserción está alojada en { $at }, no en el origen del emisor { $origin }
chk-ob2-hosted-no-id = la aserción alojada no tiene un id http(s) desde el que obtenerla
chk-ob2-offline = sin conexión
chk-ob2-hosted-unreachable = { $error }: no se pudo obtener la aserción alojada { $url }
chk-ob2-hosted-404 = el servidor del emisor no tiene esa aserción: { $url } respondió 404
chk-ob2-hosted-5xx = no se pudo comprobar: { $url } respondió http { $code }
chk-ob2-hosted-http = { $url } respondió http { $code }
chk-ob2-hosted-not-object = la copia alojada en { $url } no es un objeto json
chk-ob2-fetched = copia alojada obtenida de { $url }
chk-ob2-redirected-from = { $detail } (redirigida desde { $from })
chk-ob2-declares-other-id = la copia publicada en { $url } declara como id { $id }: una aserción alojada debe publicarse en su propio id
chk-ob2-not-confirmed-at-id = no se pudo confirmar la aserción alojada en su id
chk-ob2-no-jws = a la aserción firmada le falta su jws
chk-ob2-rs256-only = las firmas de Open Badges 2.0 usan RS256, no { $alg }
chk-ob2-no-creator = no se pudo comprobar: la aserción no nombra ninguna clave creadora y el emisor no publica ninguna
chk-ob2-no-key-to-check = no hay clave que comprobar
chk-ob2-could-not-fetch-key = no se pudo obtener la clave: { $error }
chk-ob2-not-rsa = clave { $key }: no es una clave pública rsa ({ $error })
chk-ob2-rs256-verified = firma RS256 verificada con { $key }
chk-ob2-profile-lists-unknown = el perfil del emisor no está disponible para ver qué claves publica
chk-ob2-signature-mismatch = la firma no coincide con la clave { $key }
chk-ob2-no-key-verified = ninguna clave verificó la firma
chk-ob2-signature-did-not-verify = la firma no se verificó
## verification details: ob3 (src/verify/ob3)
chk-ob3-jwt-no-jws = al vc-jwt le falta su jws compacto
chk-ob3-hosted-not-ob2 = no es una aserción alojada de Open Badges 2.0
chk-ob3-issued-by-named = emitida por { $name } ({ $id })
chk-ob3-issued-by = emitida por { $id }
chk-ob3-no-issuer = la credencial no indica el id de su emisor
chk-ob3-decode-endorsement = un aval incluido en la credencial
chk-ob3-no-usable-signature = no hay una firma utilizable de la que tomar una clave
chk-ob3-jwt-typ = typ de jwt inesperado: { $typ }
chk-ob3-could-not-check-signature = no se pudo comprobar la firma: { $why }
chk-ob3-key-unusable = clave { $key }: { $why }
chk-ob3-key-could-not-check = no se pudo comprobar la firma con esta clave
chk-ob3-jwt-no-match = la firma { $alg } no corresponde al token
chk-ob3-signature-did-not-verify = la firma no se verificó
chk-ob3-jwt-verified = firma vc-jwt { $alg } verificada con la clave { $key }
chk-ob3-jwt-verified-notes = firma vc-jwt { $alg } verificada con la clave { $key } (nota: { $notes })
chk-ob3-notes = { $first }; { $rest }
chk-ob3-jwt-claims = firma verificada, pero { $why }
chk-ob3-decode-clr = dentro del clr
chk-ob3-clr-unnamed = sin nombre
chk-ob3-clr-which = credencial { $i } de { $n } ({ $name })
chk-ob3-clr-invalid = { $credential } no es válida — { $why }
chk-ob3-clr-unreadable = ilegible
chk-ob3-clr-unconfirmed = { $credential }: { $why }
chk-ob3-clr-not-checked = { $credential } no se pudo comprobar del todo — { $why }
chk-ob3-clr-outer = { $outer }; { $inner }
chk-ob3-clr-all-verify = { $outer }; { $n ->
    [one] la credencial que contiene se verifica
   *[other] las { $n } credenciales que contiene se verifican
  }
chk-vcjwt-note-no-iss = falta el claim iss
chk-vcjwt-note-no-jti = falta el claim jti
chk-vcjwt-note-no-sub = falta el claim sub (el propio ejemplo de 1EdTech lo omite)
chk-vcjwt-note-no-sub-no-id = falta el claim sub, y el sujeto no tiene id
chk-di-not-an-object = la credencial no es un objeto JSON
chk-di-no-proof = no tiene prueba
chk-di-no-proof-empty = no tiene prueba (lista de pruebas vacía)
chk-di-too-many-proofs = { $n } pruebas superan el límite de { $max } (MAX_PROOFS)
chk-di-no-proof-no-key = no hay prueba de la que tomar una clave
chk-di-proof-n = prueba { $n }: { $detail }
chk-di-suite = { $suite }: { $detail }
chk-di-verified = firma { $suite } verificada con la clave { $key }
chk-di-with-note = { $detail } ({ $note })
chk-di-note-other-context = con el otro contenido histórico de su contexto OB 3.0
chk-di-list = { $first }, { $rest }
chk-di-ignored-unsupported = { $detail }; se ignoró un tipo de prueba no admitido: { $types }
chk-di-another-could-not = { $detail }; otra prueba no se pudo comprobar: { $why }
chk-di-only-unsupported = no se pudo comprobar: tipo de prueba no admitido: { $types }
chk-di-no-key-none-verified = no se verificó ninguna firma, así que no hay clave que vincular al emisor
chk-di-key-bound = la clave { $key } es del emisor: { $how }
chk-di-key-refused = no es una clave del emisor: { $why }
chk-di-purpose-mismatch = proofPurpose es { $found }; se esperaba { $want }
chk-di-no-purpose = la prueba no tiene proofPurpose
chk-di-created-invalid = el created { $created } de la prueba no es un dateTime válido
chk-di-challenge-mismatch = el challenge de la prueba no coincide con el esperado
chk-di-domain-mismatch = el domain de la prueba no coincide con el esperado
chk-di-no-proof-value = la prueba no tiene proofValue
chk-di-vm-no-id = verificationMethod no tiene id
chk-di-no-vm = la prueba no tiene verificationMethod
chk-di-not-ed25519 = la clave { $key } no es una clave Ed25519
err-di-not-an-object = el documento no es un objeto JSON
err-di-already-signed = el documento ya tiene una prueba
err-di-bad-signature = la firma no se verifica
err-di-jcs = no se pudo serializar a JCS: { $detail }
err-di-proof-not-object = una prueba no es un objeto JSON
err-di-proof-value-not-multibase = proofValue no es multibase base58btc (no empieza por 'z')
err-di-proof-value-too-long = proofValue es demasiado largo para una firma Ed25519
err-di-proof-value-not-base58 = proofValue no es base58btc válido
err-di-proof-value-length = proofValue tiene { $n ->
    [one] { $n } byte
   *[other] { $n } bytes
  }; una firma Ed25519 tiene 64
err-di-created-not-xsd = created «{ $created }» no es un dateTime XSD
err-di-bad-public-key = la clave pública no es un punto Ed25519 válido
err-di-context-prefix = el @context del documento no empieza por el @context de la prueba
err-di-no-cryptosuite = DataIntegrityProof sin cryptosuite
err-di-proof-no-type = prueba sin tipo
err-di-unsupported-cryptosuite = DataIntegrityProof con cryptosuite { $cryptosuite }
err-json-limit-too-large = supera el límite de { $limit } bytes (MAX_HTTP_BODY_BYTES)
err-json-syntax = json mal formado en la línea { $line }, columna { $column }
err-json-syntax-nowhere = json mal formado
err-json-eof = el json se corta antes de terminar (línea { $line }, columna { $column })
err-json-data = un valor json no tiene el tipo esperado (línea { $line }, columna { $column })
err-json-data-nowhere = un valor json no tiene el tipo esperado
err-vcjwt-not-compact = no es un jws compacto: necesita exactamente tres partes separadas por puntos
err-vcjwt-header-base64 = la cabecera del jws no es base64url válido
err-vcjwt-payload-base64 = el payload del jws no es base64url válido
err-vcjwt-base64 = la parte { $part } del jws no es base64url válido
err-vcjwt-header-not-object = la cabecera del jws no es un objeto json
err-vcjwt-payload-not-json = el payload del jws no es json: { $detail }
err-vcjwt-alg-not-string = el alg del jws no es una cadena
err-vcjwt-no-alg = la cabecera del jws no tiene alg
err-vcjwt-alg-none = no se acepta un token sin firma (alg none)
err-vcjwt-shared-secret = { $alg } (un mac de secreto compartido) no se acepta para credenciales
err-vcjwt-unsupported = algoritmo jws no admitido: { $alg } (se aceptan RS256, ES256 y EdDSA)
err-vcjwt-key-cannot-check = la clave no puede comprobar una firma { $alg }: { $detail }
err-vcjwt-vc-not-object = el claim vc no es un objeto
err-vcjwt-v2-in-vc-claim = el claim vc (vcdm 1.1) contiene una credencial vcdm 2.0
err-vcjwt-v1-outside-vc-claim = una credencial vcdm 1.1 debe ir en el claim vc, no en el propio payload
err-vcjwt-iss-mismatch = el claim iss { $claim } no es el emisor de la credencial, { $issuer }
err-vcjwt-jti-mismatch = el claim jti { $claim } no es el id de la credencial, { $id }
err-vcjwt-sub-mismatch = el claim sub { $claim } no es el id del sujeto, { $id }
err-vcjwt-sub-without-subject = el claim sub { $claim } nombra un sujeto que la credencial no nombra
err-vcjwt-claim-not-number = el claim { $claim } no es un número
err-vcjwt-claim-date = el claim { $claim } ({ $secs }) no coincide con { $field } ({ $date })
err-vcjwt-exp-without-valid-until = el token tiene un claim exp, pero la credencial no tiene validUntil
## verification details: keys, fetch, jsonld (src/verify/keys, fetch.rs, jsonld, rdfc10.rs)
chk-fetch-cached = en caché { $age }
age-at = el { $at }
age-just-now = ahora mismo
age-minutes = { $n ->
    [one] hace 1 minuto
   *[other] hace { $n } minutos
  }
age-hours = { $n ->
    [one] hace 1 hora
   *[other] hace { $n } horas
  }
age-days = { $n ->
    [one] hace 1 día
   *[other] hace { $n } días
  }
chk-fetch-http-status = { $url } respondió http { $status }
err-doc-offline = sin conexión, no se puede descargar { $url }
err-doc-not-json = { $url } no es un documento JSON: { $reason }
chk-key-fetched-on = , descargado el { $day }
chk-key-fetched-on-cached = , descargado el { $day } (la copia guardada en la cartera)
chk-key-listed-under = {" "}en { $purpose }
chk-key-evidence-self = la clave es el propio identificador del emisor { $src } (autocertificada)
chk-key-evidence-did-doc = confirmada con el documento DID del emisor { $src }{ $when } (incluida{ $under })
chk-key-evidence-key-doc = confirmada con el documento de claves del emisor { $src }{ $when } (incluida{ $under })
chk-key-evidence-key-set = confirmada con el conjunto de claves del emisor { $src }{ $when }
chk-key-evidence-ob2-profile = confirmada con el perfil del emisor { $src }{ $when } (incluida en su publicKey)
chk-key-header-jwk-id = la clave de la cabecera del token (jwk)
chk-key-no-key-id = (ninguna)
chk-key-copy-too-old = la copia de { $url } guardada en la cartera se descargó el { $day }, hace más de { $days } días; permite el acceso a la red para confirmarla de nuevo
chk-key-redirected = { $url } redirigió a otro origen ({ $to }); los documentos de claves deben servirse desde su propio origen
chk-key-not-object = { $url } no es un objeto JSON
chk-key-doc-declares = el documento en { $url } dice ser { $id }
chk-key-key-doc-declares = el documento de clave en { $url } dice ser { $id }
chk-key-vm-too-long = el id del método de verificación tiene más de { $max } caracteres
chk-key-scheme-unresolvable = no se pueden resolver claves nombradas con ids { $scheme }
chk-key-did-doc-not-for = el documento DID en { $url } no es de { $did }
chk-key-source-problem = { $source }: { $problem }
chk-key-not-listed = { $url } no incluye la clave { $key }
chk-key-not-listed-under = { $url } no incluye la clave { $key } en { $purpose }
chk-key-set-no-key = el conjunto de claves { $url } no tiene la clave { $key }
chk-key-header-jwk = jwk de la cabecera: { $problem }
chk-key-token-no-key = el token no indica ninguna clave (ni kid ni jwk en la cabecera)
chk-key-kid-unresolvable = el kid no es una URL ni un DID, y el id del emisor no es una URL https con un conjunto de claves donde buscarlo
chk-key-issuer-set-no-key = el conjunto de claves del emisor { $url } no tiene la clave { $key }
chk-key-no-issuer-id = la credencial no indica el id de su emisor, así que ninguna clave puede ser de su emisor
chk-key-signed-by = la clave { $key }
chk-key-signed-by-controlled = la clave { $key } (controlada por { $controller })
chk-key-self-certifying-other = el emisor { $issuer } es un DID que es su propia clave, y no es { $signed_by }
chk-key-issuer-bad-did = el id del emisor no es un DID utilizable: { $problem }
chk-key-issuer-id-problem = el id del emisor { $issuer }: { $problem }
chk-key-not-did-doc-of = el documento en { $url } no es el documento DID de { $issuer }
chk-key-did-doc-not-listing = el documento DID del emisor { $url } no incluye { $signed_by } en { $purpose }
chk-key-did-doc-unreadable = no se pudo leer el documento DID del emisor ({ $why })
chk-key-issuer-not-url = el id del emisor { $issuer } no es una URL ni un DID, así que ningún documento del emisor puede decir que la clave es suya; la insignia está firmada con { $signed_by }
chk-key-issuer-doc-not-listing = el documento del emisor { $issuer } no incluye { $signed_by } en { $purpose }
chk-key-issuer-doc-unreadable = no se pudo leer el documento del emisor ({ $why })
chk-key-issuer-set-not-holding = el conjunto de claves del emisor { $url } no la contiene
chk-key-reasons = { $first }; { $rest }
chk-key-nothing-readable = no se pudo leer nada de lo que publica el emisor { $issuer }
chk-key-ob2-id-not-http = el id de clave { $key } no es una url http(s)
chk-key-ob2-redirected = { $url } redirigió a otro origen ({ $to })
chk-key-ob2-not-json-or-pem = { $url } no es json ni pem
chk-key-ob2-no-pem = { $url } no tiene publicKeyPem
chk-key-ob2-issuer-not-http = el id del emisor { $issuer } no es una url http(s), así que no se puede descargar su perfil para ver qué claves incluye
chk-key-ob2-profile-other-origin = el perfil del emisor en { $url } dice ser { $id }, de otro origen
chk-key-ob2-profile-unreadable = no se pudo leer el perfil del emisor ({ $why })
chk-key-ob2-no-issuer-id = la clase de insignia no indica el id del emisor
chk-key-ob2-not-listed = la clave { $key } no figura en el publicKey del perfil del emisor { $issuer }
chk-key-did-key-fragment = el fragmento de did:key { $fragment } no es la clave { $key } (se esperaba { $expected })
chk-key-did-jwk-too-long = el did:jwk es demasiado largo
chk-key-did-jwk-not-base64url = el did:jwk no es base64url: { $detail }
chk-key-did-jwk-not-json = el did:jwk no contiene un JWK en JSON: { $detail }
err-keyres-unavailable = no se pudo resolver { $id }: { $reason }
err-keyres-invalid = clave no válida { $id }: { $reason }
err-keymat-multibase-not-string = publicKeyMultibase no es un texto
err-keymat-multibase-not-base58btc = publicKeyMultibase no es base58btc (no empieza por 'z')
err-keymat-too-long = { $property } es demasiado largo para una clave Ed25519
err-keymat-base58 = { $property } no es { $encoding } válido: { $detail }
err-keymat-not-ed25519-multikey = el prefijo multikey 0x{ $prefix } no es Ed25519 (0xed01); solo se admiten claves Ed25519
err-keymat-multikey-length = la multikey Ed25519 contiene { $n } bytes de clave; se esperaban 32
err-keymat-base58-length = publicKeyBase58 contiene { $n } bytes; se esperaban 32
err-keymat-no-material = el método de verificación no tiene publicKeyMultibase, publicKeyJwk ni publicKeyBase58
err-keymat-jwk-not-object = el JWK no es un objeto JSON
err-keymat-jwk-private = el JWK contiene una clave privada ("d"); se rechaza
err-keymat-okp-curve = curva OKP no admitida { $crv } (solo Ed25519)
err-keymat-okp-no-x = el JWK Ed25519 no tiene "x"
err-keymat-okp-x-not-base64url = el "x" del JWK Ed25519 no es base64url
err-keymat-okp-x-length = el "x" del JWK Ed25519 contiene { $n } bytes; se esperaban 32
err-keymat-rsa-missing = al JWK RSA le falta n o e
err-keymat-rsa-short = el módulo del JWK RSA tiene menos de 2048 bits
err-keymat-ec-curve = curva EC no admitida { $crv } (solo P-256)
err-keymat-ec-missing = al JWK EC le falta x o y
err-keymat-ec-length = las coordenadas del JWK EC no tienen 32 bytes
err-keymat-kty = tipo de clave JWK no admitido { $kty }
err-keymat-no-kty = el JWK no tiene kty
err-keymat-library = { $what } no válido: { $detail }
err-keymat-not-did-web = { $id } no es un did:web
err-keymat-did-web-host = el host de did:web { $host } no es un nombre de dominio válido
err-keymat-did-web-port = el puerto de did:web { $port } no es un número
err-keymat-did-web-segment = el segmento de ruta de did:web { $segment } no está permitido
err-jsonld-context-not-bundled = no se pudo comprobar: el contexto { $url } no viene incluido en Backpack
err-jsonld-undefined-term = término JSON-LD o tipo relativo "{ $term }" sin definir (ningún contexto lo define)
err-jsonld-relative-iri = IRI relativa "{ $iri }" donde se necesita una IRI absoluta (modo seguro de JSON-LD)
err-jsonld-invalid = JSON-LD no válido: { $detail }
err-jsonld-limit = no se pudo comprobar: { $detail }
err-jsonld-not-object = el documento no es un objeto JSON
err-jsonld-too-many-quads = el documento se expande a más de { $max } quads RDF (límite MAX_QUADS)
err-rdfc-permutations = la canonicalización RDF necesita más de { $max } permutaciones (MAX_RDFC_PERMUTATIONS, protección contra el envenenamiento de datos)
err-rdfc-triple-term = no se admiten los términos triple de RDF 1.2
chk-schema-what-credential = la credencial
chk-schema-what-assertion = la aserción
chk-schema-what-assertion-badge-issuer = la aserción, su clase de insignia y su emisor
chk-schema-more-problems = { $first } (y { $n ->
    [one] 1 problema más
   *[other] { $n } problemas más
  })
chk-schema-notes = { $first }; { $rest }
chk-schema-complete = todas las propiedades obligatorias están en { $what }
chk-schema-complete-notes = todas las propiedades obligatorias están en { $what } (nota: { $notes })
chk-schema-credential-not-object = la credencial no es un objeto JSON
chk-schema-context-first = @context debe empezar por { $v2 } (o { $v1 }), no por { $found }
chk-schema-missing = falta { $field }
chk-schema-type-must-include = type debe incluir { $kind }
chk-schema-type-must-include-one = type debe incluir OpenBadgeCredential, AchievementCredential, EndorsementCredential o ClrCredential
chk-schema-no-clr-context = a @context le falta el contexto de CLR 2.0
chk-schema-second-context = el segundo @context debe ser el contexto de Open Badges 3.0 ({ $url })
chk-schema-older-context = contexto de Open Badges antiguo { $url }
chk-schema-must-be-uri = { $field } debe ser una URI
chk-schema-credential-no-id = la credencial no tiene id
chk-schema-vcdm11-embed-issuer = las credenciales vcdm 1.1 deberían incluir el perfil del emisor
chk-schema-issuer-uri-or-profile = issuer debe ser una URI o un objeto de perfil
chk-schema-credential-no-name = la credencial no tiene name
chk-schema-must-be-object = { $field } debe ser un objeto
chk-schema-subject-no-id = credentialSubject no tiene id ni identifier
chk-schema-criteria-needs = achievement.criteria necesita un id o un narrative
chk-schema-clr-no-credentials = el CLR no contiene ningún verifiableCredential
chk-schema-has-no = { $what } no tiene { $key }
chk-schema-not-a-string = { $what }: el campo { $key } debe ser un texto no vacío
chk-schema-word-badge-class = la clase de insignia
chk-schema-word-issuer = el emisor
chk-schema-word-assertion = la aserción
chk-schema-assertion-not-object = la aserción no es un objeto JSON
chk-schema-assertion-id-iri = el id de la aserción debe ser una IRI
chk-schema-assertion-type = el type de la aserción debe ser Assertion
chk-schema-recipient-no-identity = recipient no tiene identity
chk-schema-recipient-not-hashed = recipient está cifrado con hash, pero identity no es sha256$hex ni md5$hex
chk-schema-recipient-looks-hashed = la identity de recipient parece un hash, pero hashed no es true
chk-schema-field-problem = { $field }: { $problem }
## verification details: received portfolios (src/export/receive.rs)
## (and the page comparison, src/export/page.rs; "badge N" labels, field words)
chk-share-the-page = la página
chk-share-none = (ninguno)
chk-share-badge = insignia { $n }
chk-share-badge-named = insignia { $n } («{ $name }»)
chk-share-altered = el sha256 es { $sha256 } y la exportación registró { $recorded }: la credencial se cambió después de exportarla
chk-share-recipient-not-asked = no se preguntó por ningún destinatario
chk-share-recipient-unreadable = la credencial no se puede leer, así que no dice para quién se emitió
chk-share-recipient-not-stated = la credencial no dice para quién se emitió
chk-share-recipient-matches = emitida para { $id }
chk-share-recipient-matches-hashed = emitida para { $id } (comparado con la identidad cifrada con hash de la credencial)
chk-share-recipient-one = «{ $id }»
chk-share-recipient-many = las { $n } identidades indicadas
chk-share-recipient-differs = emitida para otra persona: ninguna de { $who } coincide con el destinatario que nombra la credencial
chk-share-recipient-differs-why = emitida para otra persona: ninguna de { $who } coincide con el destinatario que nombra la credencial ({ $why })
chk-share-two-presentation-blocks = la página contiene más de un bloque de presentación
chk-share-unknown-block = la página contiene un bloque «{ $id }» que Backpack nunca escribe
chk-share-blocks-out-of-order = los bloques de credenciales de la página no están numerados en orden: el bloque { $n } es «{ $id }»
chk-share-block-not-base64 = los datos incrustados no son base64 válido: { $detail }
chk-share-presentation-altered = la presentación incrustada se cambió después de exportarla
chk-share-presentation-mismatch = la presentación firmada no coincide con las credenciales incrustadas: { $missing ->
    [one] { $missing } credencial no está en ella
   *[other] { $missing } credenciales no están en ella
  }, { $extra ->
    [one] { $extra } está en ella sin estar incrustada
   *[other] { $extra } están en ella sin estar incrustadas
  }
chk-share-entry-missing = falta { $name } en el paquete
chk-share-entry-too-large = { $name } supera el límite de { $limit } bytes por entrada
chk-share-in-file = { $file }: { $problem }
chk-share-manifest-unreadable = manifest.json no es un manifiesto de Backpack: { $detail }
chk-share-manifest-no-hash = manifest.json no registra el hash de { $file }
chk-share-bundle-lists-extra = el paquete enumera { $file }, que Backpack nunca escribe en un paquete
chk-share-bundle-holds-extra = el paquete contiene { $file }, que su manifiesto no enumera
chk-share-manifest-says-signed = insignia { $n }, { $field }: manifest.json dice «{ $manifest }», la credencial firmada dice «{ $credential }»
chk-share-manifest-says-embedded = insignia { $n }, { $field }: manifest.json dice «{ $manifest }», la credencial incrustada dice «{ $credential }»
chk-share-file-misnamed = insignia { $n }: su archivo se llama { $file }, pero Backpack llama a esta credencial { $want }
chk-share-manifest-status = insignia { $n }, estado: manifest.json dice «{ $manifest }», comprobar su credencial ahora da «{ $now }»
chk-share-manifest-verdict = insignia { $n }, veredicto: manifest.json dice «{ $manifest }», comprobar su credencial ahora da «{ $now }»
chk-share-file-altered = { $file } se cambió después de exportarlo
chk-share-baked-misnamed = insignia { $n }: su imagen horneada se llama { $file }, pero Backpack la llama { $want }
chk-share-baked-other = insignia { $n }: { $file } no es { $original } horneado en su imagen
chk-share-page-embeds-count = { $file } incrusta { $page ->
    [one] { $page } credencial
   *[other] { $page } credenciales
  } y el paquete contiene { $bundle }
chk-share-page-embeds-other = { $file } incrusta como { $block } otra credencial distinta de { $original } del paquete
chk-share-not-utf8 = { $file } no es texto utf-8
chk-share-manifest-title = título: manifest.json dice «{ $manifest }», la página dice «{ $page }»
chk-share-manifest-exported = fecha de exportación: manifest.json dice «{ $manifest }», la página dice «{ $page }»
chk-share-manifest-privacy = opciones de privacidad: manifest.json y la página no coinciden
chk-share-pdf-attached-twice = el pdf adjunta { $file } más de una vez
chk-share-attachment-misnamed = adjunto { $n }: se llama { $file }, pero Backpack llama a esta credencial { $want }
chk-share-enveloped-no-id = la credencial envuelta no tiene id
chk-share-enveloped-not-data-url = el id de la credencial envuelta no es una url data:
chk-share-enveloped-media-type = el tipo de medio { $media } de la credencial envuelta no es compatible
chk-share-enveloped-not-base64 = la credencial envuelta no es base64 válido: { $detail }
chk-share-entry-not-a-credential = la entrada de la presentación no es ni un objeto de credencial ni una credencial envuelta
chk-share-vp-not-a-presentation = no es una presentación verificable (a su type le falta VerifiablePresentation)
chk-share-vp-no-proof = la presentación no tiene prueba (proof)
chk-share-vp-no-holder = la presentación no tiene titular (holder)
chk-share-vp-key-not-holders = el método de verificación de la prueba no pertenece al titular
chk-share-vp-not-authentication = el propósito de la prueba no es authentication
chk-share-page-no-record = la página no guarda registro de cómo se hizo (no hay bloque bp-page): la hizo un Backpack antiguo, o se editó; lo que muestra la página no se puede comparar con sus credenciales; fíate solo de lo que Backpack enumera a partir de las credenciales
chk-share-page-records = la página tiene { $n } bloques bp-page, no uno
chk-share-page-record-unreadable = el bloque bp-page de la página no se puede leer: { $detail }
chk-share-page-record-not-a-record = el bloque bp-page de la página no es un registro de página: { $detail }
chk-share-page-layout = la página se hizo con el diseño { $layout } y este Backpack genera el diseño { $ours }; lo que muestra la página no se puede comparar con sus credenciales; fíate solo de lo que Backpack enumera a partir de las credenciales
chk-share-page-record-count = el registro de la página enumera { $badges ->
    [one] { $badges } insignia
   *[other] { $badges } insignias
  }, pero la página incrusta { $credentials ->
    [one] { $credentials } credencial
   *[other] { $credentials } credenciales
  }
chk-share-page-badge-unreadable = insignia { $n }: su credencial incrustada no se puede leer ({ $why }), así que nada de lo que la página muestra sobre ella está respaldado por una credencial
chk-share-page-unlinked-badge = la página muestra una insignia que no nombra ninguna credencial incrustada; Backpack muestra cada insignia con su credencial
chk-share-page-unlinked-badge-named = la página muestra una insignia que no nombra ninguna credencial incrustada: «{ $name }»; Backpack muestra cada insignia con su credencial
chk-share-page-unknown-badge = la página muestra una insignia para «{ $id }», que no es una credencial incrustada en ella
chk-share-page-order = la página muestra las insignias en otro orden que sus credenciales incrustadas (se movió una insignia)
chk-share-page-badge-missing = { $badge }: la página no la muestra
chk-share-page-badge-repeated = { $badge }: la página la muestra { $n } veces
chk-share-page-field-times = { $badge }, { $field }: la página lo muestra { $got ->
    [one] { $got } vez
   *[other] { $got } veces
  }, Backpack lo muestra { $want ->
    [one] { $want } vez
   *[other] { $want } veces
  }
chk-share-page-field-says = { $badge }, { $field }: la página dice «{ $page }», { $source } «{ $expected }»
chk-share-page-field-missing = { $badge }, { $field }: falta en la página ({ $source } «{ $expected }»)
chk-share-page-field-unsigned = { $badge }, { $field }: la página muestra «{ $page }», que la credencial firmada no dice
chk-share-page-field-unbacked = { $badge }, { $field }: la página muestra «{ $page }», que la credencial incrustada no dice
chk-share-page-field-differs = { $badge }, { $field }: es distinto
chk-share-page-badge-holds = { $badge }: la página contiene { $what }, que Backpack nunca escribe
chk-share-page-badge-markup = { $badge }: el marcado de la página para ella no es lo que genera su credencial (contenido añadido o cambiado cerca de «{ $near }»)
chk-share-page-outside-times = { $field }: la página lo muestra { $got ->
    [one] { $got } vez
   *[other] { $got } veces
  }, Backpack lo muestra { $want ->
    [one] { $want } vez
   *[other] { $want } veces
  }
chk-share-page-outside-says = { $field }: la página dice «{ $page }», el propio registro de la página dice «{ $expected }»
chk-share-page-outside-missing = { $field }: falta en la página (el propio registro de la página dice «{ $expected }»)
chk-share-page-outside-unbacked = la página muestra «{ $page }» como { $field }, y su registro no lo dice
chk-share-page-outside-differs = { $field }: es distinto
chk-share-page-holds = la página contiene { $what }, que Backpack nunca escribe
chk-share-page-outside-markup = la página fuera de las insignias no es lo que escribe Backpack (contenido añadido o cambiado cerca de «{ $near }»)
chk-share-page-differs-near = la página no es lo que Backpack genera a partir de sus credenciales (difiere cerca de «{ $near }»)
chk-share-page-more = … y { $n ->
    [one] { $n } diferencia más
   *[other] { $n } diferencias más
  }
chk-share-says-check-now = comprobar su credencial ahora da
chk-share-says-record = el propio registro de la página dice
chk-share-says-your-backpack = tu Backpack dice
chk-share-says-signed = la credencial firmada dice
chk-share-says-embedded = la credencial incrustada dice
chk-share-field-issuer-id = id. del emisor
chk-share-field-issued = fecha de emisión
chk-share-field-valid-from = fecha de inicio de validez
chk-share-field-expires = fecha de caducidad
chk-share-field-checked = fecha de comprobación
chk-share-field-credential-id = id. de la credencial
chk-share-field-criteria-url = página de criterios
chk-share-field-file = nombre de archivo
chk-share-field-issuer-label = etiqueta del emisor
chk-share-field-portfolio-note = nota del portafolio
chk-share-field-name = nombre
chk-share-field-issuer = emisor
chk-share-field-status = estado
chk-share-field-description = descripción
chk-share-field-criteria = criterios
chk-share-field-alignment = alineación
chk-share-field-result = resultado
chk-share-field-evidence = evidencia
chk-share-field-note = nota
chk-share-field-title = título
chk-share-field-intro = introducción
chk-share-field-framework = marco
chk-share-field-skill = competencia
chk-share-field-endorsement = aval
chk-share-field-recipient = destinatario
chk-share-field-type = tipo
chk-share-field-format = formato
chk-share-trick-comment = un comentario HTML
chk-share-trick-element = un elemento <{ $name }>
chk-share-trick-second-stylesheet = una segunda hoja de estilos
chk-share-trick-changed-stylesheet = una hoja de estilos cambiada (puede ocultar texto o cambiar su aspecto)
chk-share-trick-script = un script que un navegador podría ejecutar
chk-share-trick-style-attribute = un atributo style (puede ocultar texto o cambiar su aspecto)
chk-share-trick-hidden-attribute = un atributo hidden (oculta texto)
chk-share-trick-event-handler = un manejador de eventos ({ $name })
chk-share-trick-attribute = un atributo { $name }

## errores del núcleo (src/localize.rs)
err-decode-empty = archivo vacío
err-decode-too-large = el archivo tiene { $size } bytes, más que el límite de { $limit } bytes (MAX_FILE_BYTES)
err-png-truncated = png truncado: { $what } en el byte { $offset } sigue más allá del final del archivo
err-png-no-iend = png truncado: el archivo termina en el byte { $offset }, antes del bloque IEND y antes de cualquier dato de insignia
err-png-bad-chunk = png dañado: el bloque { $chunk } en el byte { $offset } declara una longitud imposible
err-png-bad-crc = png dañado: el crc no coincide en el bloque { $chunk } en el byte { $offset }
err-png-no-badge = el png no contiene datos de insignia: ningún bloque iTXt, tEXt o zTXt con la palabra clave openbadges, openbadgecredential o clrcredential (¿es una imagen sin hornear?)
err-png-bad-text = png dañado: el bloque de texto de insignia { $chunk } está mal formado
err-png-bad-compression = png dañado: el texto comprimido de la insignia no se puede descomprimir
err-png-inflate-limit = el texto comprimido de la insignia en el png pasa al descomprimirse el límite de { $limit } bytes (MAX_INFLATED_TEXT_BYTES); se rechaza porque probablemente es una bomba zlib
err-invalid-utf8 = utf-8 no válido en { $what }, en el byte { $offset }
err-svg-entities = el doctype del svg declara entidades xml; se rechaza porque expandir entidades permite ataques billion laughs y xxe
err-svg-undefined-entity = el svg usa la entidad { $entity }, que no está predefinida; las entidades nunca se expanden
err-svg-malformed = svg mal formado: { $detail }
err-svg-no-badge = el svg no contiene datos de insignia: ningún elemento openbadges:assertion u openbadges:credential (¿es una imagen sin hornear?)
err-svg-empty-badge = el elemento de insignia del svg está vacío: no tiene contenido json ni atributo verify
err-jws-segments = el jws compacto tiene { $found } { $found ->
    [one] segmento separado
   *[other] segmentos separados
  } por { $dot }; se esperaban 3 (header.payload.signature)
err-jws-part-not-object = no es un objeto json
err-b64-invalid-byte = el carácter { $char } en la posición { $offset } no pertenece al alfabeto base64url
err-b64-invalid-length = { $len } caracteres no es una longitud base64url posible
err-b64-last-symbol = el último carácter { $char } en la posición { $offset } tiene bits puestos más allá del final de los datos
err-b64-padding = tiene el relleno { $padding } mal colocado
err-jws-base64 = el { $part } del jws no es base64url válido: { $detail }
err-jws-not-json = el { $part } del jws no es json: { $detail }
err-json-too-deep = el json anida más de { $limit } niveles (MAX_JSON_DEPTH)
err-bad-baked-text = el texto de insignia horneado en el { $container } no es json, ni un jws compacto, ni una url http(s)
err-not-a-badge-file = no es un archivo de insignia: se esperaba un png o svg horneado, json, un jws compacto o un archivo de texto con una url http(s)
err-parse-not-a-badge = no es una insignia Open Badges: { $detail }
err-parse-unreadable = no contiene ninguna insignia legible: { $detail }
err-parse-badge-class = es una clase de insignia (la definición de una insignia), no una aserción que la otorga a alguien; importa la aserción o la imagen de la insignia horneada
err-parse-issuer-profile = es un perfil de emisor, no una insignia
err-parse-signing-key = es una clave de firma, no una insignia
err-parse-revocation-list = es una lista de revocación, no una insignia
err-parse-api-response = es una respuesta de la api de open badges 3.0 que enumera credenciales, no una sola insignia; guarda cada credencial en un archivo propio para importarla
err-parse-no-recipient-badge = el json no tiene { $recipient } ni { $badge } (open badges 0.5-2.0) y no es una credencial verificable con el tipo OpenBadgeCredential (open badges 3.0)
err-parse-assertion-no-badge = la aserción no tiene { $badge } (la clase de insignia que otorga), así que no hay nada que mostrar
err-parse-presentation = es una presentación verificable (un paquete compartido de credenciales), no una sola insignia; compruébala con { $command }
err-parse-endorsement = una EndorsementCredential respalda una insignia o un emisor; no es una insignia en sí
err-parse-status-list = es una credencial de lista de estado ({ $kind }), que registra revocaciones, no una insignia
err-parse-vc-not-a-badge = una credencial verificable de tipo { $kind } no es una insignia: necesita el tipo OpenBadgeCredential, AchievementCredential o ClrCredential, o un credentialSubject.achievement
err-parse-no-type = sin tipo
err-parse-credential-not-object = la credencial no es un objeto json
err-parse-achievement-or-name = { $achievement } o { $name }
err-parse-missing-last = { $first } ni { $last }
err-parse-missing-more = { $first }, ni { $rest }
err-parse-what-clr = la credencial clr
err-parse-what-credential = la credencial
err-parse-missing = { $what } no tiene { $list } (quién la emitió, a quién y qué se logró)
err-parse-json = json no válido: { $detail }
err-parse-not-an-object = el json es { $kind }, pero una insignia es un solo objeto json
err-parse-hosted-url = solo contiene la url de una insignia alojada ({ $url }); permite el acceso a la red para descargarla e importarla
err-parse-bad-envelope = credencial verificable envuelta: su id debe ser una url data:application/vc+jwt,<jws compacto>
err-zip-too-many-entries = el archivo zip tiene { $count } entradas, más que el límite de { $limit } entradas (MAX_ZIP_ENTRIES)
err-zip-budget = el archivo zip contiene más que el límite total de { $limit } bytes
err-zip-entry-too-large = más grande que el límite de { $limit } bytes por entrada
err-zip-missing = no hay ninguna entrada llamada { $name }
err-zip-entry = entrada zip ilegible: { $detail }
err-zip-no-name = la entrada { $index } no tiene nombre
err-action-network = el acceso a la red
err-action-export = exportar
err-action-backup = una copia de seguridad
err-action-original = guardar el archivo original de una insignia
err-action-restore = restaurar una copia de seguridad sobre esta cartera
err-minor-locked = el modo menor está activado: { $action } requiere la frase de contraseña de la persona tutora
err-minor-wrong-passphrase = esa no es la frase de contraseña de la persona tutora
err-minor-already-on = el modo menor ya está activado
err-minor-off = el modo menor está desactivado
err-minor-too-short = la frase de contraseña de la persona tutora necesita al menos { $min } caracteres
err-minor-damaged = el registro del modo menor de esta cartera está dañado, así que el modo menor sigue activado y no se puede desbloquear: restaura una copia de seguridad hecha antes del daño
err-minor-kdf = frase de contraseña de la persona tutora: { $detail }
err-wallet-database = base de datos de la cartera: { $detail }
err-store-no-data-dir = este sistema no tiene carpeta de datos para la cartera: define BACKPACK_WALLET o usa --wallet RUTA
err-store-too-new = esta cartera tiene la versión de esquema { $found }, pero este backpack solo conoce hasta la { $supported }: actualiza backpack o restaura una copia de seguridad hecha con esta versión (la cartera no se modificó)
err-store-damaged = { $path } está dañado o no es una cartera de backpack ({ $reason }); se dejó como estaba: restaura una copia de seguridad para continuar
err-store-not-a-wallet = { $path } es una base de datos de otro programa, no una cartera de backpack; se dejó como estaba: elige otro archivo de cartera
err-store-needs-passphrase = { $path } está cifrado (o dañado): necesita la frase de contraseña de la cartera (define BACKPACK_WALLET_PASSPHRASE o ejecuta en una terminal para que se pida)
err-store-wrong-passphrase = frase de contraseña de la cartera incorrecta para { $path } (o el archivo está dañado); se dejó como estaba
err-store-no-such-badge = no hay ninguna insignia #{ $id } en tu cartera
err-store-no-such-collection = no hay ninguna colección { $name } en tu cartera
err-store-collection-exists = ya existe una colección llamada { $name }
err-store-corrupt = no se pudieron leer los datos de la cartera de { $what }: { $reason }
err-store-poisoned = el bloqueo de la cartera quedó inutilizable por un fallo anterior; reinicia backpack
err-trust-list-too-large = { $size } bytes supera el límite de { $limit } bytes de una lista de confianza (MAX_LIST_BYTES)
err-trust-list-at = línea { $line }, columna { $column }: { $message }; se rechazó toda la lista
err-tl-not-object = una lista de confianza es un único objeto json
err-tl-json-syntax = json mal formado
err-tl-json-eof = el json se corta antes de terminar
err-tl-bad-value = un valor no tiene el tipo o la forma esperados
err-tl-missing-field = falta el campo { $field }
err-tl-duplicate-field = el campo { $field } aparece dos veces
err-tl-unknown-field = campo desconocido { $field }; se esperaba uno de { $expected }
err-tl-too-deep = anidada a más de { $max } niveles (MAX_DEPTH); una lista de confianza necesita 4
err-tl-empty-text = texto vacío donde se necesita un valor
err-tl-text-long = el texto { $text } supera los { $max } caracteres
err-tl-text-control = el texto { $text } contiene caracteres de control
err-tl-array-large = más de { $max } elementos en una matriz (un límite de las listas de confianza)
err-tl-id-empty = un identificador vacío
err-tl-id-long = el identificador { $id } supera los { $max } bytes
err-tl-id-spaces = el identificador { $id } contiene espacios o caracteres de control
err-tl-id-not-id = { $id } no es un id de emisor (se esperaba una URL, un DID o un urn:)
err-tl-not-did = { $id } no es un DID (se esperaba did:método:identificador)
err-tl-domain = el dominio { $domain } { $why }
err-tl-domain-long = supera los 253 caracteres
err-tl-domain-bare = debe ser un nombre de host simple como example.edu (sin esquema, puerto ni ruta)
err-tl-domain-wildcard-tld = es un comodín sobre todo un dominio de primer nivel, que ninguna lista puede reclamar
err-tl-domain-two-labels = necesita al menos dos etiquetas, p. ej. example.edu
err-tl-domain-invalid = no es un nombre de host válido (letras, dígitos y '-' entre puntos; escribe los nombres internacionales en su forma xn--; '*.' solo al principio)
err-tl-domain-ip = es una dirección IP, no un dominio
err-tl-issuers-many = más de { $max } emisores en una lista (MAX_ISSUERS)
err-tl-issuer-no-ids = el emisor { $name } no tiene ids, dids ni dominios con los que comparar
err-tl-identifiers-many = más de { $max } identificadores en una lista (MAX_IDENTIFIERS)
err-tl-registry-many = más de { $max } emisores en un registro (MAX_ISSUERS)
err-tl-listed-twice-same = { $id } aparece dos veces con los mismos datos; se conserva una vez
err-tl-listed-twice = { $id } aparece dos veces, como { $a } y como { $b }: una lista de confianza no debe nombrar a un emisor de dos maneras (corrige la lista y vuelve a importarla)
err-tl-listed-twice-first = { $id } aparece dos veces (la primera en la línea { $first }), como { $a } y como { $b }: una lista de confianza no debe nombrar a un emisor de dos maneras (corrige la lista y vuelve a importarla)
err-trust-list-empty = la lista no nombra ningún emisor
err-trust-exists = ya hay una lista de confianza llamada { $name } en tu cartera: quítala primero o reemplázala
err-trust-no-such-list = no hay ninguna lista de confianza { $name } en tu cartera
err-vault-unavailable = el llavero del sistema no está disponible: { $detail }
err-vault-no-passphrase = { $path }: el archivo de la clave necesita su frase de contraseña (define BACKPACK_KEY_PASSPHRASE o ejecuta en una terminal para que se pida)
err-vault-wrong-passphrase = { $path }: frase de contraseña incorrecta para el archivo de la clave
err-vault-damaged = { $path }: el archivo de la clave está dañado: { $reason }
err-vault-conflict = { $path }: este archivo de clave contiene otra clave de estudiante; se dejó como estaba
err-key-bad-length = la clave de estudiante guardada tiene { $n } bytes y se esperaban 32: la tabla de claves de la cartera está dañada
err-key-did-mismatch = la fila de la clave de estudiante de la cartera es incoherente: su did:key no corresponde a su secreto
err-key-no-vault = no hay un lugar seguro para guardar tu clave de firma: { $why }
err-key-store-not-offered = tu clave de firma se guarda en { $store }, que no está disponible aquí (define BACKPACK_KEY_STORE para usarlo o ejecuta donde esté)
err-key-missing = tu clave de firma ya no está en { $store }: restáurala desde una copia de seguridad (backpack restore) para volver a firmar
err-backup-not-a-backup = no es un archivo de copia de seguridad de backpack (los primeros bytes no son "BPBACKUP")
err-backup-version = esta versión de backpack no admite la versión { $version } del formato de copia de seguridad (lee la versión 1)
err-backup-kdf-unknown = la copia de seguridad usa una derivación de clave desconocida: { $kdf }
err-backup-truncated = el archivo de copia de seguridad está truncado: { $detail }
err-backup-trailing = el archivo de copia de seguridad tiene { $n } bytes inesperados después de los datos cifrados
err-backup-kdf-limit = la cabecera de la copia de seguridad pide argon2 { $what } { $value }, por encima del límite de { $limit }
err-backup-kdf = parámetros argon2 no válidos en la copia de seguridad: { $detail }
err-backup-wrong-passphrase = frase de contraseña incorrecta: esta copia de seguridad se cifró con otra frase de contraseña
err-backup-damaged = el archivo de copia de seguridad está dañado: los datos cifrados no se autentican (¿se modificó o quedó incompleto?)
err-backup-not-a-wallet = la copia de seguridad se descifró, pero no contiene una base de datos de cartera
err-backup-empty-passphrase = frase de contraseña vacía: elige una frase de contraseña para proteger la copia de seguridad
err-backup-would-overwrite = { $path } ya contiene una cartera con datos; restaura con --force para reemplazarla (la cartera anterior se conserva al lado como archivo .before-restore)
err-backup-too-large = el archivo de copia de seguridad tiene { $size } bytes, más que el límite de { $limit } bytes
err-backup-key = la copia de seguridad contiene tu clave de firma, pero no se puede guardar de forma segura: { $detail }
err-export-other = exportación: { $detail }
err-export-empty = la colección no tiene insignias que exportar
err-export-one-badge = la exportación { $format } lleva exactamente una insignia: indica --badge ID
err-export-no-learner-key = una presentación necesita la clave de estudiante, y no se dio ninguna
err-export-nothing-to-present = ninguna de estas insignias puede ir en una presentación verificable (las insignias Open Badges 2.0 no pueden); exporta en html, zip o pdf
err-export-bad-payload = insignia { $badge }: { $reason }
err-export-sign = no se pudo firmar la presentación: { $detail }
err-export-guardian-required = el modo menor está activado: compartir requiere la frase de contraseña de la persona tutora
err-export-guardian-wrong = el modo menor está activado y la frase de contraseña de la persona tutora es incorrecta
err-export-not-in-collection = la insignia #{ $badge } no está en la colección «{ $collection }»
err-export-zip = no se pudo escribir el paquete zip: { $detail }
err-export-pdf = no se pudo escribir el pdf: { $detail }
err-export-bake = no se pudo hornear la imagen de la insignia: { $detail }
err-bake-png = no se puede hornear en este png: { $detail }
err-bake-no-ihdr = no se puede hornear en este png: su primer bloque no es IHDR
err-bake-bad-keyword = palabra clave de texto png no válida { $keyword }: debe tener de 1 a 79 caracteres latin-1 imprimibles
err-bake-svg = no se puede hornear en este svg: { $detail }
err-bake-no-svg-root = no se puede hornear en este svg: no tiene elemento raíz <svg>
err-bake-not-an-image = no se puede hornear en este archivo: no es una imagen png ni svg
err-bake-empty-payload = nada que hornear: el contenido no tiene json ni valor verify
err-share-unrecognised = no es una exportación de backpack: se esperaba un portafolio html, un paquete zip, un pdf o un json de presentación
err-share-too-large = el archivo tiene { $size } bytes, más que el límite de { $limit } bytes de una exportación compartida
err-share-zip = el paquete zip es ilegible: { $detail }
err-share-zip-bad-name = la entrada { $name } no es una ruta relativa simple: { $why }
err-share-zip-limit = el paquete zip supera el límite de { $what } de { $limit }
err-share-duplicate-path = el paquete zip nombra { $path } más de una vez; un paquete nombra cada archivo una sola vez
err-share-no-credentials = la exportación no contiene ninguna credencial que verificar
err-share-bad-presentation = la presentación no es json válido: { $detail }
err-pdf-not-pdf = no es un pdf: no empieza con %PDF-
err-pdf-damaged = el pdf es ilegible: { $detail }
err-pdf-encrypted = el pdf está cifrado; los pdf de Backpack nunca lo están, y los adjuntos cifrados no se pueden comprobar
err-pdf-limit = el pdf supera el límite de { $what } de { $limit }
err-pdf-unexpected-end = el archivo termina antes de tiempo
err-pdf-dict-key = una clave de diccionario no es un nombre
err-pdf-dict-large = un diccionario tiene más de 4096 entradas
err-pdf-hex-unterminated = una cadena hexadecimal sin terminar
err-pdf-array-large = una matriz tiene más de 65536 entradas
err-pdf-string-unterminated = una cadena sin terminar
err-pdf-string-long = una cadena es demasiado larga
err-pdf-no-startxref = no hay startxref
err-pdf-startxref-offset = startxref no tiene posición
err-pdf-xref-loop = las secciones de referencias cruzadas forman un bucle
err-pdf-xref-subsection = una subsección de referencias cruzadas es demasiado grande
err-pdf-xref-cut = la tabla de referencias cruzadas está cortada
err-pdf-xref-entry = una entrada de referencias cruzadas no es válida
err-pdf-no-trailer = no hay trailer tras la tabla de referencias cruzadas
err-pdf-xref-many = demasiadas secciones de referencias cruzadas
err-pdf-ref-chain = una cadena de referencias es demasiado larga
err-pdf-xref-not-at-startxref = no hay tabla de referencias cruzadas donde apunta startxref
err-pdf-xrefstm-length = el flujo de referencias cruzadas no tiene una longitud directa
err-pdf-xrefstm-past-end = el flujo de referencias cruzadas pasa del final del archivo
err-pdf-xrefstm-no-w = el flujo de referencias cruzadas no tiene /W
err-pdf-xrefstm-w-three = el /W del flujo de referencias cruzadas no son tres anchuras
err-pdf-xrefstm-w-wide = el /W del flujo de referencias cruzadas es demasiado ancho
err-pdf-xrefstm-columns = las columnas del predictor del flujo de referencias cruzadas no coinciden con /W
err-pdf-xrefstm-predictor = el flujo de referencias cruzadas usa un predictor que Backpack no lee
err-pdf-xrefstm-w-empty = el /W del flujo de referencias cruzadas está vacío
err-pdf-xrefstm-no-size = el flujo de referencias cruzadas no tiene /Size
err-pdf-xrefstm-index-odd = el /Index del flujo de referencias cruzadas tiene un número impar de valores
err-pdf-xrefstm-cut = el flujo de referencias cruzadas está cortado
err-pdf-xrefstm-number-large = el flujo de referencias cruzadas nombra un número de objeto demasiado grande
err-pdf-objstm-number = un número de flujo de objetos no es válido
err-pdf-xrefstm-last-row = la última fila del flujo de referencias cruzadas está cortada
err-pdf-xrefstm-png-filter = el flujo de referencias cruzadas tiene un filtro de fila png desconocido
err-pdf-attachment-not-stream = el adjunto no es un flujo
err-pdf-stream-range = un flujo fuera de rango
err-pdf-filter-not-name = un filtro de flujo no es un nombre
err-pdf-decode-parms = su flujo usa parámetros de decodificación, que Backpack nunca escribe
err-pdf-no-catalog = el trailer no nombra ningún catálogo de documento
err-pdf-no-embedded-file = no tiene ningún archivo incrustado
err-pdf-nest-deep = los objetos se anidan a más de { $max } niveles
err-pdf-unexpected-token = un elemento inesperado en el byte { $at }
err-pdf-object-missing = el objeto { $num } no está en el archivo
err-pdf-object-misplaced = el objeto { $num } no está donde dice la tabla de referencias cruzadas
err-pdf-length-not-number = objeto { $num }: la longitud del flujo no es un número
err-pdf-no-length = objeto { $num }: el flujo no tiene longitud
err-pdf-stream-past-end = objeto { $num }: el flujo pasa del final del archivo
err-pdf-stream-no-endstream = objeto { $num }: la longitud del flujo no termina en endstream
err-pdf-objstm-many = se necesitan más de { $max } flujos de objetos
err-pdf-objstm-missing = el flujo de objetos { $stm } no está en el archivo
err-pdf-not-objstm = el objeto { $stm } no es un flujo de objetos
err-pdf-objstm-detail = flujo de objetos { $stm }: { $detail }
err-pdf-objstm-first = el flujo de objetos { $stm } no tiene /First
err-pdf-objstm-entry = el flujo de objetos { $stm } no tiene la entrada { $index }
err-pdf-outside-objstm = el objeto { $num } está fuera de su flujo de objetos
err-pdf-stream-in-objstm = objeto { $num }: un flujo dentro de un flujo de objetos
err-pdf-objstm-misplaced = el objeto { $num } no está donde dice su flujo de objetos
err-pdf-attachment-large = supera el límite de { $cap } bytes
err-pdf-flate-damaged = sus datos comprimidos están dañados: { $detail }
err-pdf-filter-unknown = está codificado con { $filter }, que Backpack no lee
err-pdf-no-xref-or-trailer = no tiene tabla de referencias cruzadas ni trailer legibles: está cortado o dañado, o otro programa lo volvió a guardar con referencias cruzadas comprimidas, que Backpack no lee
err-import-too-large = archivo más grande que el límite de { $limit } bytes ({ $name })
err-import-zip-unreadable = no es un archivo zip legible: { $detail }
err-import-zip-budget = el archivo zip contiene más que el límite total de { $limit } bytes (MAX_ZIP_TOTAL_BYTES)
err-import-zip-over-budget = el archivo zip se expande a más de { $mib } MiB (MAX_ZIP_TOTAL_BYTES); no se importó nada de él
err-import-zip-empty = el archivo zip no contiene ningún archivo
err-import-zip-bad-name = el nombre de la entrada zip no es una ruta relativa simple: { $why }
err-import-zip-in-zip = un zip dentro de un zip no se lee: descomprímelo primero
err-wallet-notes = { $first }; { $rest }
err-wallet-list = { $first }, { $rest }
err-wallet-not-credentials = { $n ->
    [one] { $n } entrada que no es una credencial
   *[other] { $n } entradas que no son credenciales
  }
err-wallet-no-credentials = no contiene credenciales
err-wallet-private-key = contiene una clave privada ({ $field }), así que no se importa
err-wallet-credential-too-large = credencial mayor que el límite de { $limit } bytes (MAX_ZIP_ENTRY_BYTES)
err-wallet-lcw-encrypted = una copia de seguridad cifrada de Learner Credential Wallet (hecha con una frase de contraseña en 2022–2023): hoy ninguna cartera puede descifrar este formato; haz una copia nueva desde la app de la cartera, sin frase de contraseña
err-wallet-lcw-too-many = la copia de seguridad de la cartera tiene { $entries } entradas, más que el límite de { $limit } entradas (MAX_CONTAINER_ITEMS)
err-wallet-lcw-not-uw = no es un perfil de Universal Wallet 2020: no se lee
err-wallet-lcw-locked = un perfil de cartera bloqueado (su estado no es UNLOCKED): su contenido no se puede leer
err-wallet-lcw-no-contents = perfil de cartera sin contenido
err-wallet-lcw-secrets = { $n ->
    [one] { $n } clave privada omitida
   *[other] { $n } claves privadas omitidas
  }: las claves y secretos de la copia de seguridad de otra cartera nunca se importan
err-wallet-lcw-other = { $entries } quedan fuera (el documento DID del perfil, las claves públicas, el nombre)
err-wallet-mozilla-missing = aparece en manifest.txt pero no está en el archivo
err-wallet-badgr-error = una respuesta guardada de Badge Connect / Badgr que informa de un error: no contiene insignias
err-wallet-badgr-too-many = la respuesta enumera { $count } aserciones, más que el límite de { $limit } elementos (MAX_CONTAINER_ITEMS)
err-wallet-badgr-too-large = aserción mayor que el límite de { $limit } bytes (MAX_ZIP_ENTRY_BYTES)
err-wallet-badgr-record = un registro de Badgr, no una Open Badge; importa en su lugar la aserción alojada por su url: { $url }
err-wallet-learncard-manifest = manifest.json no es un manifiesto de paquete de LearnCard
err-wallet-learncard-version = la versión { $version } de la especificación de paquetes de LearnCard no es compatible (la 1.x sí lo es)
err-wallet-learncard-mode = manifest.json indica un modo de cifrado que este lector no conoce ({ $mode })
err-wallet-learncard-too-many = manifest.json enumera { $count } entradas, más que el límite de { $limit } entradas (MAX_CONTAINER_ITEMS)
err-wallet-learncard-payload = manifest.json: su payloadSha256 no coincide con su lista de contenidos: el paquete está dañado o fue modificado
err-wallet-learncard-unsafe-path = manifest.json enumera una ruta insegura o vacía { $path }: no se lee
err-wallet-learncard-missing = aparece en manifest.json pero no está en el paquete
err-wallet-learncard-no-sha = manifest.json no da un sha256 válido para ella: no se lee
err-wallet-learncard-plaintext = guardada sin cifrar aunque el paquete está cifrado: rechazada, porque cualquiera puede añadir una entrada así sin la contraseña
err-wallet-learncard-no-password-hint = cifrada con la contraseña del paquete, que no se dio: no se lee (backpack import --bundle-password)
err-wallet-learncard-no-password = cifrada con la contraseña del paquete, que no se dio: no se lee
err-wallet-learncard-unlisted = no aparece en manifest.json: no se lee (puede que se haya añadido al paquete)
err-wallet-count-seeds = { $n ->
    [one] { $n } semilla de cartera
   *[other] { $n } semillas de cartera
  }
err-wallet-count-key-sets = { $n ->
    [one] { $n } conjunto de claves privadas
   *[other] { $n } conjuntos de claves privadas
  }
err-wallet-count-phrases = { $n ->
    [one] { $n } frase de recuperación
   *[other] { $n } frases de recuperación
  }
err-wallet-count-key-files = { $n ->
    [one] { $n } otro archivo de claves
   *[other] { $n } otros archivos de claves
  }
err-wallet-learncard-secrets = omitido sin leer: { $secrets }; la semilla y las claves de una cartera nunca se importan
err-wallet-learncard-other = { $entries } quedan fuera (presentaciones, registros de índice y de consentimiento, listas de estado, el documento DID)
err-wallet-learncard-sha-mismatch = no coincide con su sha256 en manifest.json: la entrada está dañada o fue modificada
err-wallet-learncard-envelope = no es un sobre de cifrado de LearnCard: { $what }
err-wallet-learncard-kdf = cifrada con una derivación de clave que este lector no conoce ({ $alg })
err-wallet-argon2-memory = coste de memoria (KiB)
err-wallet-argon2-time = coste de tiempo
err-wallet-argon2-lanes = paralelismo
err-wallet-learncard-argon2-limit = pide un { $what } de argon2 de { $value }, por encima del límite de { $limit } ({ $name }): no se descifra
err-wallet-learncard-argon2 = parámetros de argon2 no válidos: { $detail }
err-wallet-learncard-aes = no se puede iniciar aes-256-gcm
err-wallet-learncard-wrong-password = no se puede descifrar: la contraseña es incorrecta, o la entrada fue modificada
err-wallet-pdf-too-large = pdf mayor que el límite de { $limit } bytes (MAX_PDF_BYTES)
err-wallet-pdf-streams = el pdf tiene { $streams } flujos, más que el límite de { $limit } flujos (MAX_PDF_STREAMS): demasiado grande para ser una insignia
err-wallet-pdf-encrypted = un pdf cifrado: no se lee
err-wallet-pdf-not-pdf = no es un pdf legible: no empieza por %PDF-
err-wallet-pdf-unreadable = no es un pdf legible: { $detail }
err-wallet-pdf-no-badge = el pdf no contiene ninguna insignia: no hay una entrada openbadges en su información de documento ni un openbadges:assertion en sus metadatos xmp
err-wallet-pdf-dangling = la entrada openbadges del pdf no apunta a nada
err-wallet-pdf-not-text = la entrada openbadges del pdf no es una cadena de texto
err-wallet-pdf-xmp-inflate = los metadatos xmp del pdf no se descomprimen dentro del límite de { $limit } bytes (MAX_INFLATED_TEXT_BYTES): { $detail }
err-wallet-pdf-xmp = los metadatos xmp del pdf: { $detail }
err-host-item-not-object = la lista de credenciales contiene algo que no es un objeto json
err-host-item-too-large = mayor que el límite de { $limit } bytes (MAX_FILE_BYTES)
err-host-item-too-deep = el json se anida a más de { $limit } niveles (MAX_JSON_DEPTH)
err-host-item-not-jws = no es un jws compacto (header.payload.signature en base64url): { $text }
err-host-item-not-string = la lista compactJwsString contiene algo que no es una cadena
err-endorsement-not-object = el respaldo no es un objeto JSON
err-endorsement-no-endorser = el respaldo no indica el id de su emisor (quien respalda)
err-endorsement-no-target = el respaldo no dice qué respalda (no hay credentialSubject.id)
err-store-passphrase-empty = la frase de contraseña de la cartera está vacía
err-store-not-encrypted = { $name } no está cifrada: ábrela sin frase de contraseña, o cífrala con backpack init --encrypt
err-store-identity-invalid = { $value } no es un { $kind } válido: { $why }
err-store-identity-empty = el { $kind } está vacío
err-store-identity-too-long = el { $kind } ocupa más de { $limit } bytes
err-store-identity-spaces = contiene espacios o caracteres de control
err-store-identity-email = se esperaba nombre@example.org
err-store-identity-did = se esperaba did:método:identificador, p. ej. did:key:z6Mk…
err-store-identity-url = se esperaba una dirección http:// o https://
err-store-collection-no-name = una colección necesita un nombre
err-store-collection-name-long = el nombre de una colección tiene como máximo { $max } caracteres
err-store-collection-name-control = el nombre de una colección no puede contener caracteres de control
err-store-order-badges = el nuevo orden debe enumerar exactamente las insignias de la colección, una vez cada una
err-store-order-collections = el nuevo orden debe enumerar cada colección una vez
err-store-badge-not-in-collection = la insignia #{ $badge } no está en la colección #{ $collection }
err-store-tag-empty = una etiqueta no puede estar vacía
err-store-tag-long = una etiqueta tiene como máximo { $max } caracteres
err-store-tag-control = una etiqueta no puede contener caracteres de control
err-store-note-long = una nota ocupa como máximo { $max } bytes (límite MAX_NOTE_BYTES)
err-store-setting-no-name = un ajuste necesita un nombre
err-store-setting-long = el ajuste { $key } ocupa más de { $max } bytes
err-store-hosts-ambiguous = { $n } servidores se llaman { $key }: indica uno por su número o su URL (backpack hosts list)
err-store-report-not-saved = el informe no se guardó: { $why }
err-trust-list-registries = esta es una lista de registros (nombres y direcciones), no una lista de emisores: descarga uno de los registros que nombra e importa ese archivo
err-trust-list-token = este es un token firmado (¿una declaración de entidad de OpenID Federation?); backpack lee archivos backpack-trust-list y registry.json de DCC, no registros de OpenID Federation
err-trust-list-format = formato de lista de confianza desconocido { $format } (se esperaba { $expected } o un registry.json de DCC)
err-trust-list-not-a-list = no es una lista de confianza: se esperaba { $format } o un registro DCC con un objeto { $registry }
err-trust-list-newer = la versión { $version } de { $format } es más nueva de lo que este backpack lee (versión { $supported }): actualiza backpack
err-trust-list-needs-version = { $format } necesita { $version }
err-trust-name-bad = el nombre de lista de confianza { $name } { $why }
err-trust-name-empty = una lista de confianza necesita un nombre
err-trust-name-long = es demasiado largo (como máximo 200 caracteres)
err-trust-name-control = contiene caracteres de control
err-trust-name-number = es solo un número; los números son ids de lista (elige un nombre con letras)
err-trust-source-bad = el origen debe ser una sola línea de como máximo 2048 caracteres
err-host-field-address = la dirección del servidor
err-host-field-auth = la url de autorización
err-host-url-credentials = { $field } lleva un nombre de usuario o una contraseña
err-host-url-no-host = { $field } no tiene servidor
err-host-url-plain-http = { $field } { $url } es http sin cifrar: un servidor de insignias debe usar https (http solo a 127.0.0.1 con --insecure-loopback, para pruebas)
err-host-url-scheme = { $field } tiene el esquema { $scheme }: solo se usan urls https
err-host-address-empty = indica la dirección del servidor de insignias
err-host-not-web-address = { $text } no es una dirección web: { $detail }
err-fetch-transport = { $url }: { $message }
err-fetch-timed-out = ninguna respuesta completa en { $time } (HTTP_TIMEOUT_SECS, un plazo total para la conexión, las cabeceras y el cuerpo); detenido
err-fetch-host-timed-out = ninguna respuesta completa en { $ms } ms (un plazo total para la conexión, las cabeceras y el cuerpo); detenido
err-fetch-host-plain-http = un servidor de insignias debe usar https (http sin cifrar solo se permite a 127.0.0.1 con --insecure-loopback, para pruebas)
err-fetch-client = no se puede iniciar el cliente http: { $detail }
err-fetch-connection = la conexión falló: { $detail }
err-fetch-redirect-no-location = redirección { $status } sin destino (location)
err-fetch-redirect-invalid = redirección a una url no válida { $url }
err-fetch-reading = falló la lectura de la respuesta: { $detail }
err-fetch-redirects = más de { $max } redirecciones
err-fetch-resolve = no se puede resolver { $host }: { $detail }
err-fetch-no-address = { $host } no se resuelve a ninguna dirección
err-fetch-runtime = no se puede iniciar el entorno http: { $detail }
err-fetch-url-deadline = no se descargó: importar una url puede llevar como máximo { $secs } s (URL_IMPORT_DEADLINE_SECS)
err-verify-internal = la verificación no pudo ejecutarse: { $detail }
err-import-folder-link = un enlace a una carpeta, que no se sigue (importa la carpeta misma)
err-import-not-saved = no se guardó: { $error }
err-word-an-array = un arreglo
err-word-a-string = una cadena
err-word-a-number = un número
err-word-a-boolean = un booleano
err-word-jws-payload-not-object = un payload jws que no es un objeto
err-word-system-keyring = el llavero del sistema
err-word-key-file = el archivo de clave cifrado junto a la cartera
err-word-memory = la memoria
err-word-signature = la firma
err-word-chunk-header = la cabecera de bloque
err-word-chunk = el bloque { $chunk }
err-word-file = el archivo
err-word-png-itxt = el texto de insignia iTXt del png
err-word-svg-verify = el atributo verify del svg
err-word-decompressed-bytes = bytes descomprimidos leídos en total
err-word-entry-count = número de entradas
err-word-object-count = número de objetos
err-word-attachment-depth = profundidad del árbol de adjuntos
err-word-attachment-count = número de adjuntos
err-word-zip-name-control = contiene un carácter de control
err-word-zip-name-absolute = es una ruta absoluta
err-word-zip-name-climbs = sale del archivo con ..
err-io = { $path }: { $error }
err-io-not-found = no existe el archivo o la carpeta
err-io-permission-denied = permiso denegado
err-io-already-exists = ya existe
err-io-storage-full = no queda espacio en el dispositivo
err-io-quota-exceeded = se ha superado la cuota de disco
err-io-read-only = el sistema de archivos es de solo lectura
err-io-is-a-directory = es una carpeta
err-io-not-a-directory = no es una carpeta
err-io-directory-not-empty = la carpeta no está vacía
err-io-invalid-data = los datos no son válidos
err-io-unexpected-eof = los datos terminan antes de lo esperado
err-io-invalid-input = argumento no válido
err-io-invalid-filename = el nombre de archivo no es válido
err-io-interrupted = la operación se interrumpió
err-io-timed-out = se agotó el tiempo de espera
err-io-file-too-large = el archivo es demasiado grande
err-io-resource-busy = el recurso está ocupado
err-io-crosses-devices = no se puede mover entre dispositivos distintos
err-io-too-many-links = demasiados enlaces
err-io-broken-pipe = la otra parte cerró la conexión (tubería rota)
err-io-connection-refused = conexión rechazada
err-io-connection-reset = la otra parte reinició la conexión
err-io-addr-in-use = la dirección ya está en uso
err-io-out-of-memory = no hay memoria suficiente
err-io-unsupported = operación no admitida
err-io-write-zero = no se pudo escribir ningún byte
trust-format-backpack = lista de confianza de Backpack
trust-format-dcc = registro de emisores de DCC
err-host-no-consent = el acceso a la red no está permitido: conectarse a un servidor de insignias lo necesita (permítelo en Ajustes o usa --allow-network)
err-host-minor-mode = el modo menor está activado: conectarse a un servidor de insignias requiere la frase de contraseña de la persona tutora
err-host-no-refresh-token = el token de acceso ha caducado y el servidor no dio un token de renovación
err-host-refresh-refused = el servidor rechazó el token de renovación ({ $detail })
err-host-fresh-token-refused = { $step }: el servidor rechazó un token de acceso nuevo ({ $detail })
err-host-no-sign-in = Backpack no guarda ningún inicio de sesión para este servidor en { $store }
err-host-sign-in-not-kept = el inicio de sesión no se guardó
err-word-credential-store = el almacén de credenciales del sistema
err-word-memory-session = la memoria (solo esta sesión)
err-host-json-deep = el json anida más de { $max } niveles (MAX_JSON_DEPTH)
err-host-json-truncated = json cortado (acaba en el byte { $n }): { $error }
err-host-json-not = no es json: { $error }
err-host-body-empty = una respuesta vacía, no json
err-host-body-html = una página html, no json
err-host-body-bytes = { $n } bytes que no son el json esperado
host-discovery-note = El documento de descubrimiento del servidor: { $note }
err-key-no-store-offered = no se ofreció ningún almacén de claves
err-key-not-given-back = { $store } no devolvió la clave
err-host-needs-login = { $host }: { $reason }: vuelve a iniciar sesión (backpack connect { $url })
err-host-unknown = no hay ningún servidor conectado { $name } (consulta backpack hosts list)
err-host-step = { $host }: { $step }: { $detail }
err-host-step-discovery = descubrimiento
err-host-step-registration = registro
err-host-step-sign-in = inicio de sesión
err-host-step-token = obtención del token
err-host-step-refresh = renovación del token
err-host-answered = respondió { $status }: { $detail }
err-host-answered-redirect = respondió { $status } (una redirección a { $location }): no se siguió
err-host-nowhere = ninguna parte
err-host-not-ob3 = { $detail } (¿es { $base } un servidor Open Badges 3.0?)
err-host-refused = rechazado: { $detail }
err-host-refused-nothing-imported = rechazado, no se importó nada: { $why }
err-host-field-empty = { $field } está vacío
err-host-field-too-long = { $field } tiene más de { $limit } caracteres
err-host-field-not-url = { $field } { $raw } no es una url: { $error }
err-host-field-not-web-url = { $field } { $url } no es una url http(s)
err-host-field-not-string = { $field } no es una cadena de texto
err-host-sdd-not-object = el documento de descubrimiento no es un objeto json
err-host-sdd-no-title = falta { $field }: el servidor se nombra por su dirección
err-host-sdd-optional-missing = falta { $field } (también falta en el openapi.json de 1EdTech)
err-host-sdd-ignored = { $detail }: se ignora
err-host-sdd-no-scheme = { $field } { $raw } no tiene esquema (igual que en los ejemplos de la propia especificación): se lee como { $url }
err-host-sdd-no-schemes = el documento de descubrimiento no tiene { $field }: el servidor no ofrece ninguna forma de iniciar sesión
err-host-sdd-no-oauth2 = el documento de descubrimiento no tiene ningún esquema de seguridad oauth2 con un flujo authorizationCode ({ $field })
err-host-sdd-scheme-name = el esquema de seguridad se llama { $name }, no { $expected }
err-host-sdd-no-registration = el documento de descubrimiento no indica ningún { $field } (también falta en el openapi.json de 1EdTech), así que Backpack no puede registrarse en este servidor (registro dinámico de clientes, RFC 7591)
err-host-sdd-no-field = el documento de descubrimiento no tiene { $field }
err-host-sdd-no-refresh-url = falta { $field }: los tokens se renuevan en { $token }
err-host-sdd-no-scopes = el flujo no indica ningún ámbito: Backpack pide los ámbitos de lectura
err-host-token-not-ascii = { $field } contiene caracteres que no se pueden devolver (solo ascii visible)
err-host-registration-not-object = la respuesta del registro no es un objeto json
err-host-registration-no-field = la respuesta no tiene { $field }
err-host-auth-url-not-url = la url de autorización no es una url: { $error }
err-host-token-not-object = la respuesta del token no es un objeto json
err-host-token-no-field = la respuesta del token no tiene { $field }
err-host-token-type = { $field } { $value } no es { $expected }, el único tipo que usa la API de OB 3.0
err-host-profile-not-object = el perfil no es un objeto json
err-host-page-not-utf8 = no es texto utf-8 (byte no válido en la posición { $offset }): { $detail }
err-host-page-wrong-shape = no es un { $kind }: { $detail }
err-host-page-empty = la página del offset { $offset } está vacía aunque el servidor dice que hay más: se dejaron de leer páginas
err-host-page-empty-total = la página del offset { $offset } está vacía aunque el servidor dice que hay más ({ $header } { $total }): se dejaron de leer páginas
err-host-page-repeats = la página del offset { $offset } solo repite credenciales ya leídas: se dejaron de leer páginas
err-host-listing-max-items = se detuvo tras { $limit } credenciales (MAX_LISTING_ITEMS, el MAX_ZIP_ENTRIES de la importación ZIP): el resto no se leyó
err-host-listing-max-pages = se detuvo tras { $limit } páginas (MAX_PAGES): el resto no se leyó
err-host-listing-max-bytes = se detuvo tras { $bytes } bytes (MAX_LISTING_BYTES { $limit }): el resto no se leyó
err-host-next-other-site = el enlace a la página siguiente lleva a otro sitio ({ $origin }): no se siguió, el token de acceso solo se envía a { $api }
err-host-next-loop = el enlace a la página siguiente vuelve a una página ya leída ({ $url }): un bucle, se dejaron de leer páginas
err-host-total-mismatch = el servidor dice { $header } { $total } pero envió { $got ->
    [one] { $got } credencial distinta
   *[other] { $got } credenciales distintas
  }
err-host-step-note = { $step }: { $detail }
err-redirect-timed-out = la página de inicio de sesión no respondió en { $seconds } s: inténtalo de nuevo
err-redirect-cancelled = inicio de sesión cancelado
err-redirect-state-mismatch = la respuesta del inicio de sesión traía un state distinto del que envió Backpack: se rechaza (no viene de este inicio de sesión; posible falsificación de petición entre sitios)
err-redirect-denied = el servidor no inició tu sesión: { $detail }
err-redirect-no-code = la respuesta del inicio de sesión no tiene código
err-redirect-io = falló el receptor de inicio de sesión en 127.0.0.1: { $detail }
err-tokens-unavailable = no hay ningún almacén de credenciales disponible ({ $detail })
err-tokens-failed = falló el almacén de credenciales: { $detail }
err-fetch-offline = sin conexión: el acceso a la red no está permitido (permítelo en Ajustes o usa --allow-network)
err-fetch-private = no se descarga { $url }: { $reason } (usa --allow-private-network para permitirlo)
err-fetch-scheme = no se descarga { $url }: solo se descargan URL http y https
err-fetch-too-large = { $url }: respuesta más grande que el límite de { $limit } bytes
err-url-too-long = url más larga que el límite de { $limit } bytes (MAX_URL_BYTES)
err-url-not-http = no es un enlace http(s) a una insignia
err-url-credentials = un enlace con un nombre de usuario o una contraseña no se descarga
err-url-offline = no se descargó: el acceso a la red no está permitido. Permítelo para esta importación con --allow-network o activa el acceso a la red en los ajustes de la app
err-url-not-fetched = no se descargó: { $error }
err-url-gone = el servidor del emisor responde 410 gone: la insignia fue revocada o retirada
err-url-status = el servidor respondió http { $status }, no con la insignia
err-url-web-page = el enlace lleva a una página web, no a una insignia: usa el enlace de la aserción o credencial de la insignia (su JSON), o descarga la insignia e importa el archivo

## cli --help (cli/src/help_i18n.rs): la ayuda de la línea de órdenes; mismos ids que en.js
## (el test spanish_help_is_complete de la CLI comprueba que no quede ningún texto en inglés).
cli-help-backpack = Backpack: una cartera de insignias Open Badges que es de quien aprende. Tus insignias se quedan en tu equipo
cli-help-backpack--wallet = Base de datos de la cartera que se usa (por defecto: la carpeta de datos de la plataforma, p. ej. ~/.local/share/backpack/wallet.db)
cli-help-backpack--lang = Idioma de la salida para personas y de las exportaciones HTML/PDF: en o es (por defecto: BACKPACK_LANG; si no, LC_ALL / LC_MESSAGES / LANG del sistema; si no, inglés). La salida JSON es la misma en todos los idiomas
cli-help-clap-help = Muestra la ayuda
cli-help-clap-version = Muestra la versión
cli-help-init = Crea la cartera (opcionalmente cifrada) o cifra una existente
cli-help-init--encrypt = Cifra toda la cartera con una frase de contraseña (una cartera nueva, o la existente en su sitio)
cli-help-init--decrypt = Vuelve a convertir una cartera cifrada en una sin cifrar
cli-help-import = Importa insignias: archivos, carpetas (recursivamente), ZIP, o - para la entrada estándar
cli-help-import--paths = Archivos de insignias (PNG, SVG, JSON, JWT, URL), carpetas, archivos ZIP, la exportación de otra cartera (copia de seguridad de DCC Learner Credential Wallet, paquete de LearnCard, lista de Badgr/Badge Connect, ZIP de Mozilla Backpack, PDF de Open Badge Factory), - para la entrada estándar, o la URL https:// de una insignia alojada (se descarga con el acceso a la red permitido, y siempre se verifica)
cli-help-import--json = Imprime un objeto JSON por archivo en lugar de líneas de texto
cli-help-import--no_verify = No verifica las insignias al entrar (pueden comprobarse más tarde)
cli-help-import--allow_network = Permite el acceso a la red al verificar (aserciones alojadas, claves de emisores, listas de estado). Desactivado por defecto, salvo que los ajustes de la cartera lo permitan
cli-help-import--allow_private_network = Permite también direcciones privadas, de loopback y de enlace local (implica --allow-network)
cli-help-import--bundle_password = Pide la contraseña de un paquete de LearnCard (o la lee de BACKPACK_BUNDLE_PASSWORD) para descifrar sus credenciales. Su semilla y sus claves nunca se leen
cli-help-list = Lista las insignias de la cartera
cli-help-list--json = Imprime un arreglo JSON de objetos (id, name, issuer, issuer_id, issued, format, status, …)
cli-help-list--search = Solo las insignias cuyo nombre, emisor, descripción, competencias o etiquetas contienen estas palabras
cli-help-list--issuer = Solo las insignias de este emisor (id o nombre exacto)
cli-help-list--status = Solo las insignias en este estado: not_checked, valid, invalid, indeterminate, error, revoked, expired
cli-help-list--tag = Solo las insignias con esta etiqueta
cli-help-list--collection = Solo las insignias de esta colección (id o nombre)
cli-help-list--format = Solo este formato (ob2-hosted, ob2-signed, ob3-json, ob3-jwt, clr2-json, clr2-jwt)
cli-help-list--sort = Orden
cli-help-list--limit = Como máximo esta cantidad de filas
cli-help-list--offset = Omite esta cantidad de filas
cli-help-show = Muestra una insignia
cli-help-show--id = El id de la insignia (como en 'backpack list'; '#12' también sirve)
cli-help-show--json = Imprime en JSON todo lo que guarda la cartera
cli-help-show--original = Escribe en la salida estándar los bytes exactos del archivo original
cli-help-remove = Quita una insignia de la cartera
cli-help-remove--id = El id de la insignia
cli-help-remove--undo = Recupera una insignia quitada
cli-help-remove--purge = Borra para siempre todas las insignias quitadas (con sus informes, notas y etiquetas)
cli-help-profile = Los correos y DID propios de quien aprende, con los que se reconoce a quien recibe cada insignia
cli-help-profile-add-email = Añade una de tus direcciones de correo
cli-help-profile-add-email--email = La dirección
cli-help-profile-add-did = Añade uno de tus DID (p. ej. did:key:z6Mk…)
cli-help-profile-add-did--did = El DID
cli-help-profile-add-url = Añade una de tus direcciones web (http o https)
cli-help-profile-add-url--url = La URL
cli-help-profile-list = Lista tus identidades
cli-help-profile-list--json = Imprime JSON
cli-help-profile-remove = Quita una identidad
cli-help-profile-remove--value = El correo, DID o URL
cli-help-clap-help-command = Muestra este mensaje o la ayuda de los subcomandos indicados
cli-help-verify = Verifica archivos de insignias sin importarlos
cli-help-verify--recipients = Un correo, DID o URL tuyo con el que comparar el destinatario (repetible). Solo se compara en este equipo, nunca se envía
cli-help-verify--allow_network = Permite el acceso a la red (aserciones alojadas, claves de emisores, listas de estado). Desactivado por defecto
cli-help-verify--allow_private_network = Permite también direcciones privadas, de loopback y de enlace local (implica --allow-network)
cli-help-verify--json = Imprime un objeto JSON por archivo, uno por línea
cli-help-verify--files = Archivos de insignias (PNG/SVG horneado, JSON, JWS, archivo URL), o - para la entrada estándar
cli-help-recheck = Vuelve a verificar insignias que ya están en la cartera
cli-help-recheck--id = El id en la cartera de la insignia que se vuelve a comprobar (consulta 'backpack list')
cli-help-recheck--all = Vuelve a comprobar todas las insignias de la cartera
cli-help-recheck--allow_network = Permite el acceso a la red en esta ejecución (el ajuste de la cartera puede permitirlo de forma permanente)
cli-help-recheck--allow_private_network = Permite también direcciones privadas, de loopback y de enlace local (implica --allow-network)
cli-help-recheck--json = Imprime un objeto JSON por insignia, uno por línea
cli-help-collection = Organiza colecciones de insignias
cli-help-collection-create = Crea una colección
cli-help-collection-create--name = Su nombre (único)
cli-help-collection-create--intro = La introducción que se muestra al principio de sus exportaciones
cli-help-collection-create--note = Una nota (se muestra en las exportaciones solo con --include-notes)
cli-help-collection-rename = Cambia el nombre de una colección
cli-help-collection-rename--collection = La colección (id o nombre)
cli-help-collection-rename--new_name = El nombre nuevo
cli-help-collection-add = Añade insignias a una colección (al final, en el orden indicado)
cli-help-collection-add--collection = La colección (id o nombre)
cli-help-collection-add--badges = Ids de insignias, como en 'backpack list'
cli-help-collection-remove = Saca insignias de una colección (las insignias se quedan en la cartera)
cli-help-collection-remove--collection = La colección (id o nombre)
cli-help-collection-remove--badges = Ids de insignias
cli-help-collection-list = Lista las colecciones
cli-help-collection-list--json = Imprime un arreglo JSON de {"{"}id, name, badge_ids{"}"}
cli-help-collection-delete = Borra una colección (sus insignias se quedan en la cartera)
cli-help-collection-delete--collection = La colección (id o nombre)
cli-help-export = Exporta una colección (o una insignia) como HTML, ZIP, una presentación o PDF
cli-help-export--collection = La colección, por id o nombre (omítela para exportar las insignias indicadas con --badge)
cli-help-export--format = Qué se escribe
cli-help-export--format--html = Una página HTML autónoma (con los originales y la presentación firmada incluidos)
cli-help-export--format--zip = ZIP: página, originales, imágenes horneadas, manifest.json, presentation.json
cli-help-export--format--vp = Una presentación verificable firmada (JSON)
cli-help-export--format--pdf = Un PDF imprimible (portada + una página por insignia, con cada credencial original adjunta)
cli-help-export--format--png = Una insignia horneada en un PNG
cli-help-export--format--svg = Una insignia horneada en un SVG
cli-help-export--output = Archivo de salida
cli-help-export--include_evidence = Muestra las evidencias (desactivado por defecto)
cli-help-export--include_notes = Muestra tus notas (desactivado por defecto)
cli-help-export--no_dates = Deja las fechas fuera de la página o el PDF
cli-help-export--include_emails = Muestra en texto plano los correos de destinatarios (ocultos por defecto; los originales firmados los siguen conteniendo)
cli-help-export--include_skills = Añade a la página HTML un resumen de competencias (las competencias de las insignias por marco)
cli-help-export--challenge = El desafío de quien recibe, firmado dentro de la presentación
cli-help-export--domain = El dominio de quien recibe, firmado dentro de la presentación
cli-help-export--badges = Exporta solo esta insignia (repetible; sola, sin COLLECTION, exporta solo estas)
cli-help-export--title = Título de la página (por defecto: el nombre de la colección)
cli-help-export--guardian_passphrase = Modo menor: la frase de contraseña de la persona tutora
cli-help-clap-help-more = Muestra la ayuda (más detalle con '--help')
    .long = Muestra la ayuda (un resumen con '-h')
cli-help-verify-share = Verifica todo lo que contiene una exportación HTML, ZIP o presentación recibida
cli-help-verify-share--file = El archivo recibido: un portafolio .html, un paquete .zip, un .pdf o una presentación .json
cli-help-verify-share--recipients = El correo, DID o URL de quien envía (repetible): cada insignia debe estar emitida a uno de ellos. Solo se compara en este equipo (también los correos cifrados con hash), nunca se envía
cli-help-verify-share--allow_network = Permite el acceso a la red (claves de emisores, listas de estado). Desactivado por defecto
cli-help-verify-share--allow_private_network = Permite también direcciones privadas, de loopback y de enlace local (implica --allow-network)
cli-help-verify-share--challenge = El desafío que diste a quien envía: la prueba de la presentación debe llevarlo
cli-help-verify-share--domain = Tu dominio tal como se lo diste a quien envía: la prueba de la presentación debe llevarlo
cli-help-verify-share--json = Imprime un objeto JSON con todos los informes
cli-help-backup = Escribe una copia de seguridad cifrada de toda la cartera
cli-help-backup--out = Dónde se escribe la copia de seguridad cifrada
cli-help-restore = Restaura una copia de seguridad cifrada
cli-help-restore--input = La copia de seguridad cifrada que se restaura
cli-help-restore--force = Reemplaza una cartera que ya tiene datos (se conserva al lado como '.before-restore')
cli-help-trust = Listas de confianza de emisores: etiqueta las insignias de emisores que tú o tu institución reconocen
cli-help-trust-import = Importa una lista de confianza: un archivo JSON backpack-trust-list o un registry.json de DCC
cli-help-trust-import--file = El archivo de la lista, o - para la entrada estándar
cli-help-trust-import--name = Su nombre en tu cartera (por defecto: el nombre del archivo; si no, "DCC registry (FILE)"). Un nombre que contenga "sandbox" o "test" la convierte en una lista de prueba
cli-help-trust-import--source = Quién la publica o de dónde la obtuviste (por defecto: lo que dice el archivo; si no, el nombre del archivo)
cli-help-trust-import--test = La marca como lista de sandbox o de prueba: sus etiquetas dirán entonces "emisor de prueba"
cli-help-trust-import--replace = Reemplaza una lista del mismo nombre
cli-help-trust-list = Lista las listas de confianza de tu cartera
cli-help-trust-list--json = Imprime JSON
cli-help-trust-remove = Quita una lista de confianza (por nombre o id). Las insignias y sus comprobaciones no cambian
cli-help-trust-remove--list = El nombre o id de la lista (como en 'backpack trust list')
cli-help-minor-mode = Modo menor: el bloqueo de una persona tutora sobre la red, las exportaciones, las copias de seguridad y los archivos originales
cli-help-minor-mode-on = Activa el modo menor con una nueva frase de contraseña de la persona tutora (al menos 6 caracteres)
cli-help-minor-mode-off = Desactiva el modo menor (necesita la frase de contraseña de la persona tutora)
cli-help-minor-mode-status = Indica si el modo menor está activado
cli-help-connect = Conecta con un servidor de insignias que habla la API de Open Badges 3.0 (inicias sesión en tu navegador)
cli-help-connect--url = La dirección del servidor (https://badges.example.edu) o su URL de descubrimiento
cli-help-connect--allow_network = Permite el acceso a la red para esta orden (si no, decide el ajuste de red de la cartera)
cli-help-connect--allow_private_network = Permite también un servidor en una dirección privada, de loopback o de enlace local (sigue siendo https)
cli-help-connect--insecure_loopback = Permite un servidor http sin cifrar en 127.0.0.1 (solo para pruebas y desarrollo; implica --allow-private-network para loopback)
cli-help-connect--no_browser = No abre un navegador: solo imprime la dirección de inicio de sesión
cli-help-connect--timeout = Cuánto se espera el inicio de sesión en el navegador, en segundos
cli-help-connect--sync = Sincroniza justo después de conectar
cli-help-connect--json = Imprime en JSON el servidor conectado
cli-help-sync = Trae lo nuevo de los servidores de insignias conectados
cli-help-sync--host = Un servidor conectado: su número, dirección o nombre (consulta 'backpack hosts list'). Por defecto: todos
cli-help-sync--since_last_sync = Pide solo las credenciales emitidas desde la última sincronización completa (más rápido; puede perderse una credencial emitida antes pero añadida al servidor después)
cli-help-sync--json = Un objeto JSON por credencial (como 'import --json') y luego uno por servidor
cli-help-sync--allow_network = Permite el acceso a la red para esta orden (si no, decide el ajuste de red de la cartera)
cli-help-sync--allow_private_network = Permite también un servidor en una dirección privada, de loopback o de enlace local (sigue siendo https)
cli-help-sync--insecure_loopback = Permite un servidor http sin cifrar en 127.0.0.1 (solo para pruebas y desarrollo; implica --allow-private-network para loopback)
cli-help-sync--no_browser = No abre un navegador: solo imprime la dirección de inicio de sesión
cli-help-sync--timeout = Cuánto se espera el inicio de sesión en el navegador, en segundos
cli-help-hosts = Los servidores de insignias a los que está conectada esta cartera
cli-help-hosts-list = Lista los servidores conectados
cli-help-hosts-list--json = Imprime JSON
cli-help-hosts-remove = Olvida un servidor (por número, dirección o nombre): su inicio de sesión y su historial de sincronización
cli-help-hosts-remove--host = El servidor, como en 'backpack hosts list'
cli-help-skills = Las competencias detrás de tus insignias, por marco, con itinerarios y una cronología
cli-help-skills--json = Imprime toda la vista en JSON (frameworks, results, achievement_types, stacks, timeline)
cli-help-skills--search = Solo competencias, resultados y tipos de logro que contienen todas estas palabras
cli-help-linkedin = Los campos y el enlace para añadir una insignia a tu perfil de LinkedIn
cli-help-linkedin--id = El id de la insignia (como en 'backpack list')
cli-help-linkedin--json = Imprime en JSON los campos y el enlace
cli-help-linkedin--open = Abre el enlace en el navegador del sistema
cli-help-linkedin--guardian_passphrase = Modo menor: la frase de contraseña de la persona tutora (solo '--open' la necesita)
cli-help-heading-usage = Uso
cli-help-heading-commands = Comandos
cli-help-heading-arguments = Argumentos
cli-help-heading-options = Opciones
## clap's own words (cli/src/clap_i18n.rs): the notes of a help page and the parse errors. The
## English text is clap's, word for word (the CLI's unit test english_catalog_reproduces_clap
## renders bad command lines with it and compares them with clap's own output).
cli-clap-error = error
cli-clap-tip = consejo
cli-clap-try-help = Para más información, prueba { $help }.
cli-clap-unknown-argument = argumento inesperado { $arg }
cli-clap-invalid-value = valor no válido { $value } para { $arg }
cli-clap-value-required = { $arg } necesita un valor y no se dio ninguno
cli-clap-invalid-subcommand = subcomando desconocido { $subcommand }
cli-clap-missing-required = faltan estos argumentos obligatorios:
cli-clap-missing-subcommand = { $command } necesita un subcomando y no se dio ninguno
cli-clap-conflict = el argumento { $arg } no se puede usar con
cli-clap-conflict-repeated = el argumento { $arg } no se puede usar más de una vez
cli-clap-conflict-subcommand = el subcomando { $subcommand } no se puede usar con
cli-clap-conflict-others = uno o más de los otros argumentos indicados
cli-clap-no-equals = hace falta un signo igual para dar valores a { $arg }
cli-clap-too-many-values = valor inesperado { $value } para { $arg }; no se esperaban más
cli-clap-too-few-values = { $arg } necesita { $expected } valores; solo { $n ->
        [one] se dio
       *[other] se dieron
    } { $actual }
cli-clap-wrong-number-of-values = { $arg } necesita { $expected } valores, pero { $n ->
        [one] se dio
       *[other] se dieron
    } { $actual }
cli-clap-note-default = predeterminado
cli-clap-note-possible-values = valores posibles
cli-clap-note-subcommands = subcomandos
cli-clap-note-env = variable de entorno
cli-clap-possible-values-heading = Valores posibles
cli-clap-similar-subcommand = { $n ->
        [one] existe un subcomando parecido
       *[other] existen subcomandos parecidos
    }: { $names }
cli-clap-similar-argument = { $n ->
        [one] existe un argumento parecido
       *[other] existen argumentos parecidos
    }: { $names }
cli-clap-similar-value = { $n ->
        [one] existe un valor parecido
       *[other] existen valores parecidos
    }: { $names }
cli-clap-tip-pass-as-value = para pasar { $arg } como valor, usa { $example }
cli-clap-tip-remove-dashes = el subcomando { $subcommand } existe; para usarlo, quita { $dashes } de delante
cli-clap-tip-exists = existe { $name }
cli-clap-kind-invalid-value = uno de los valores no es válido para su argumento
cli-clap-kind-unknown-argument = argumento inesperado
cli-clap-kind-invalid-subcommand = subcomando desconocido
cli-clap-kind-no-equals = hace falta un signo igual para dar valores a uno de los argumentos
cli-clap-kind-value-validation = valor no válido para uno de los argumentos
cli-clap-kind-too-many-values = valor inesperado para un argumento
cli-clap-kind-too-few-values = un argumento necesita más valores
cli-clap-kind-wrong-number-of-values = demasiados o demasiado pocos valores para un argumento
cli-clap-kind-argument-conflict = un argumento no se puede usar con uno o más de los otros argumentos indicados
cli-clap-kind-missing-required-argument = faltan uno o más argumentos obligatorios
cli-clap-kind-missing-subcommand = hace falta un subcomando y no se dio ninguno
cli-clap-kind-invalid-utf8 = uno o más argumentos no son UTF-8 válido
cli-clap-int-empty = no hay ningún número: el valor está vacío
cli-clap-int-invalid-digit = no es un número entero
cli-clap-int-too-large = el número es demasiado grande
cli-clap-int-too-small = el número es demasiado pequeño
cli-clap-not-in-range = { $value } está fuera del intervalo { $range }
cli-lang-unknown = idioma desconocido { $value }: usa en o es
`;
