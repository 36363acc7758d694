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
drop-text = Imágenes PNG o SVG con la insignia dentro, archivos JSON o JWT, o un ZIP de insignias.
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
`;
