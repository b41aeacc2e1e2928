import type { LocaleCatalogue } from '../i18n/keys.js';

/**
 * Spanish (US / Latin American, formal "usted"). Loaded on demand by `import()` when the active
 * language is `es` or `es-*`. It has every key of the English catalogues (checked by `tsc`
 * through `satisfies LocaleCatalogue`) and the same `{placeholders}` (checked by a test).
 */
export const es = {
  // ---- common: generic UI
  'common.retry': 'Intentar de nuevo',
  'common.working': 'Espere, por favor…',
  'common.required-mark': '(obligatorio)',
  'common.help-desk': 'Si necesita ayuda, llame al Servicio de Ayuda por Internet al {phone}.',
  'common.show-password': 'Mostrar contraseña',
  'common.hide-password': 'Ocultar contraseña',
  'common.step-of': 'Paso {step} de {total}',
  'common.resend-it': 'reenviarlo',
  'common.back': 'Atrás',
  'common.cancel': 'Cancelar',
  'common.continue': 'Continuar',
  'common.error-summary': 'Corrija los campos marcados.',

  // ---- common: adapter errors
  'error.USERNAME_TAKEN':
    'Este nombre de usuario ya está en uso. Si este delegado ya está registrado como Productor, necesita un nombre de usuario diferente como Delegado.',
  'error.VALIDATION': 'Algunos campos necesitan su atención.',
  'error.INVALID_CREDENTIALS': 'El nombre de usuario o la contraseña que ingresó no son correctos.',
  'error.ACCOUNT_LOCKED':
    'Su cuenta está bloqueada por demasiados intentos incorrectos. Se desbloqueará automáticamente a las {time}. También puede usar ¿Olvidó su nombre de usuario? u ¿Olvidó su contraseña? para desbloquearla ahora.',
  'error.CODE_INVALID': 'El código no es correcto. Le quedan {attemptsLeft} intentos.',
  'error.CODE_INVALID_LAST': 'El código no es correcto. Le queda 1 intento.',
  'error.CODE_EXPIRED': 'Este código venció o fue reemplazado. Solicite un código nuevo.',
  'error.CODE_ATTEMPTS_EXCEEDED':
    'Demasiados códigos incorrectos. Este código ya no funciona: solicite un código nuevo.',
  'error.LINK_EXPIRED':
    'Este enlace venció. Los enlaces son válidos por 7 días o hasta que se usan una vez. Pida al productor que lo agregó que vuelva a enviar la invitación.',
  'error.LINK_USED':
    'Este enlace ya se usó. Si todavía no creó su contraseña, pida al productor que lo agregó que vuelva a enviar la invitación.',
  'error.LINK_INVALID':
    'Este enlace no es válido. Verifique que abrió el enlace completo del correo electrónico o pida al productor que lo agregó que vuelva a enviar la invitación.',
  'error.PASSWORD_POLICY': 'La contraseña no cumple todos los requisitos que se indican abajo.',
  'error.PASSWORD_COMMON':
    'Esta contraseña es demasiado común. Elija una que sea más difícil de adivinar.',
  'error.PASSWORD_REUSED':
    'Ya usó esta contraseña antes. Elija una contraseña que no sea ninguna de sus últimas {historySize} contraseñas.',
  'error.RATE_LIMITED': 'Demasiados intentos. Vuelva a intentarlo en {wait}.',
  'error.BUSY': 'El servicio está ocupado en este momento. Vuelva a intentarlo en unos segundos.',
  'error.PATTERN_MISMATCH':
    'El patrón de escritura no coincidió. Le quedan {attemptsLeft} intentos, o elija correo electrónico o mensaje de texto.',
  'error.PATTERN_UNAVAILABLE':
    'El patrón de escritura con el teclado no está disponible en este momento. Verifique con un código por correo electrónico o mensaje de texto.',
  'error.PATTERN_INVALID_SAMPLES': 'Escriba la oración resaltada exactamente como aparece.',
  'error.FLOW_EXPIRED': 'Este paso venció. Vuelva a empezar.',
  'error.NOT_AUTHENTICATED': 'Su sesión terminó. Vuelva a iniciar sesión.',
  'error.FORBIDDEN': 'No tiene permiso para hacer esto.',
  'error.NOT_FOUND': 'No encontramos ese registro. Actualice la página e inténtelo de nuevo.',
  'error.NETWORK':
    'No pudimos comunicarnos con el servidor. Revise su conexión e inténtelo de nuevo.',
  'error.TIMEOUT': 'El servidor tardó demasiado en responder. Inténtelo de nuevo.',
  'error.UNAVAILABLE': 'El servicio no está disponible por el momento. Inténtelo de nuevo.',
  'error.GENERIC': 'Algo salió mal. Inténtelo de nuevo.',
  'error.ABORTED': 'Se canceló la solicitud.',

  // ---- common: field reasons
  'field.required': 'Este campo es obligatorio.',
  'field.too-short': 'Demasiado corto.',
  'field.too-long': 'Demasiado largo.',
  'field.invalid-characters': 'Contiene caracteres que no están permitidos.',
  'field.invalid-email': 'Ingrese un correo electrónico válido, como nombre@ejemplo.com.',
  'field.invalid-phone': 'Ingrese un número de celular válido de EE. UU., como (312) 555-0101.',
  'field.invalid-state': 'Elija uno de los estados de la lista.',
  'field.not-allowed': 'No puede asignar este estado.',
  'field.invalid-code': 'Ingrese el código de 8 caracteres de su mensaje.',
  'field.invalid-date': 'Ingrese una fecha y hora válidas.',
  'field.mismatch': 'Las contraseñas no coinciden.',
  'field.username.required': 'Ingrese un nombre de usuario.',
  'field.username.too-short': 'El nombre de usuario debe tener al menos 7 caracteres.',
  'field.username.too-long': 'El nombre de usuario debe tener como máximo 64 caracteres.',
  'field.username.invalid-characters':
    'El nombre de usuario solo puede tener letras de la A a la Z y dígitos del 0 al 9.',
  'field.email.required': 'Ingrese un correo electrónico.',
  'field.firstName.required': 'Ingrese un nombre.',
  'field.firstName.invalid-characters':
    'El nombre puede tener letras, espacios, guiones y apóstrofos.',
  'field.lastName.required': 'Ingrese un apellido.',
  'field.lastName.invalid-characters':
    'El apellido puede tener letras, espacios, guiones y apóstrofos.',
  'field.mobile.required': 'Ingrese un número de celular.',
  'field.states.required': 'Elija al menos un estado.',
  'field.password.required': 'Ingrese una contraseña.',
  'field.code.required': 'Ingrese el código.',

  // ---- common: password policy
  'password.must-have': 'La contraseña debe tener',
  'password.cant-have': 'La contraseña no puede tener',
  'password.rule.length': 'De 8 a 64 caracteres',
  'password.rule.uppercase': 'Una letra mayúscula (A–Z)',
  'password.rule.lowercase': 'Una letra minúscula (a–z)',
  'password.rule.digit': 'Un número (0–9)',
  'password.rule.special': 'Un carácter especial (como ! @ # $ %)',
  'password.rule.no-username': 'Su nombre de usuario',
  'password.rule.no-name': 'Su nombre o apellido',
  'password.rule.no-triple': 'El mismo carácter tres veces seguidas',
  'password.rule.no-edge-space': 'Espacios al principio o al final',
  'password.rule.not-common': 'Una contraseña común o filtrada',
  'password.rule.history': 'Ninguna de sus 10 contraseñas anteriores',
  'password.rule-met': 'cumplido',
  'password.rule-not-met': 'no cumplido',
  'password.rule-pending': 'en comprobación',

  // ---- common: states
  'state.IL': 'Illinois',
  'state.MT': 'Montana',
  'state.NM': 'Nuevo México',
  'state.OK': 'Oklahoma',
  'state.TX': 'Texas',

  // ---- <pep-add-delegate>
  'add-delegate.title': 'Agregar delegado',
  'add-delegate.intro': 'Todos los campos son obligatorios.',
  'add-delegate.username': 'Nombre de usuario',
  'add-delegate.username-hint': 'Al menos 7 letras o dígitos.',
  'add-delegate.email': 'Correo electrónico',
  'add-delegate.firstName': 'Nombre',
  'add-delegate.lastName': 'Apellido',
  'add-delegate.mobile': 'Número de celular',
  'add-delegate.mobile-hint': 'Un número de celular de EE. UU., como (312) 555-0101.',
  'add-delegate.states': 'Estado(s)',
  'add-delegate.states-hint': 'Los estados asignados a este delegado.',
  'add-delegate.submit': 'Crear delegado',
  'add-delegate.creating': 'Creando delegado…',
  'add-delegate.cancel': 'Cancelar',
  'add-delegate.done-title': 'Se agregó el delegado',
  'add-delegate.done-text':
    'Se agregó a {name} ({username}). Enviamos un correo electrónico a {email} con un enlace para confirmar la dirección. El enlace es válido por 7 días o hasta que se use una vez; avísele que lo espere.',
  'add-delegate.finish': 'Terminar',
  'add-delegate.username-taken':
    'Este nombre de usuario ya está en uso. Si este delegado ya está registrado como Productor, necesita un nombre de usuario diferente como Delegado.',

  // ---- <pep-create-password>
  'create-password.find-title': 'Buscar cuenta',
  'create-password.find-text': 'Ingrese el nombre de usuario del correo electrónico que recibió.',
  'create-password.find-text.reset': 'Ingrese su nombre de usuario para restablecer su contraseña.',
  'create-password.username': 'Nombre de usuario',
  'create-password.find': 'Buscar cuenta',
  'create-password.choose-title': 'Obtener código de verificación',
  'create-password.choose-legend': '¿Adónde enviamos su código de acceso único?',
  'create-password.channel.email': 'Enviar un correo electrónico a {masked}',
  'create-password.channel.sms': 'Enviarme un mensaje de texto al {masked}',
  'create-password.send': 'Enviar código',
  'create-password.sending': 'Enviando código…',
  'create-password.code-title': 'Ingresar código de verificación',
  'create-password.code-text':
    'Enviamos un código de 8 caracteres a {masked}. Ingréselo abajo; es válido por 10 minutos.',
  'create-password.code': 'Código de verificación',
  'create-password.code-hint': 'Letras y dígitos, por ejemplo 7KQ2MX9P.',
  'create-password.resend-before': '¿No recibió el código o ya venció? Puede',
  'create-password.resend-wait': 'Puede reenviar el código en {time}.',
  'create-password.resent': 'Enviamos un código nuevo a {masked}.',
  'create-password.code-void':
    'Este código ya no funciona. Seleccione "reenviarlo" para obtener un código nuevo.',
  'create-password.continue': 'Continuar',
  'create-password.checking': 'Verificando código…',
  'create-password.password-title': 'Crear contraseña nueva',
  'create-password.password-text':
    'Lea primero La contraseña debe tener y La contraseña no puede tener.',
  'create-password.new-password': 'Contraseña nueva',
  'create-password.confirm-password': 'Confirmar contraseña',
  'create-password.confirm-required': 'Vuelva a ingresar la contraseña nueva.',
  'create-password.submit': 'Crear contraseña',
  'create-password.submit.reset': 'Actualizar contraseña',
  'create-password.saving': 'Guardando contraseña…',
  'create-password.done-title': 'Se creó su contraseña',
  'create-password.done-title.reset': 'Se actualizó su contraseña',
  'create-password.done-text':
    'Ya puede iniciar sesión con su nombre de usuario {username} y su contraseña nueva. También le enviamos un correo electrónico "Información de la cuenta - Actualizar contraseña".',
  'create-password.login': 'Ir a Iniciar sesión',
  'create-password.back': 'Atrás',

  // ---- <pep-forgot-password>
  'forgot-password.find-title': '¿Olvidó su contraseña?',
  'forgot-password.find-text': 'Ingrese su nombre de usuario para buscar su cuenta.',
  'forgot-password.username': 'Nombre de usuario',
  'forgot-password.find': 'Buscar cuenta',
  'forgot-password.finding': 'Buscando cuenta…',
  'forgot-password.unlock-note':
    'Si su cuenta está bloqueada, restablecer la contraseña también la desbloquea.',
  'forgot-password.forgot-username': '¿Olvidó su nombre de usuario?',
  'forgot-password.choose-title': 'Obtener código de verificación',
  'forgot-password.choose-text':
    'Si encontramos una cuenta activa, enviamos un código de acceso único (OTP) por el medio que elija.',
  'forgot-password.choose-legend': '¿Cómo quiere recibir su código?',
  'forgot-password.channel.email': 'Enviar un correo electrónico',
  'forgot-password.channel.sms': 'Enviarme un mensaje de texto',
  'forgot-password.channel-to': 'a {masked}',
  'forgot-password.send': 'Enviar código',
  'forgot-password.sending': 'Enviando código…',
  'forgot-password.code-title': 'Ingresar código de verificación',
  'forgot-password.code-text.email':
    'Si encontramos una cuenta activa, enviamos un correo electrónico con un código de acceso único a {masked}. Es válido hasta las {time}.',
  'forgot-password.code-text.sms':
    'Si encontramos una cuenta activa, enviamos un mensaje de texto con un código de acceso único al {masked}. Es válido hasta las {time}.',
  'forgot-password.code': 'Código de verificación',
  'forgot-password.code-hint': '8 letras y dígitos, por ejemplo 7KQ2MX9P.',
  'forgot-password.continue': 'Continuar',
  'forgot-password.checking': 'Verificando código…',
  'forgot-password.resend-before': '¿No lo recibió? Podemos',
  'forgot-password.resend-after.email': 'por correo electrónico.',
  'forgot-password.resend-after.sms': 'por mensaje de texto.',
  'forgot-password.resend-wait': 'Puede reenviar el código en {time}.',
  'forgot-password.resent': 'Enviamos un código nuevo a {masked}.',
  'forgot-password.code-void':
    'Este código ya no funciona. Seleccione "reenviarlo" para obtener un código nuevo.',
  'forgot-password.other-method': 'Elegir otro medio',
  'forgot-password.password-title': 'Crear contraseña nueva',
  'forgot-password.password-text':
    'Lea La contraseña debe tener y La contraseña no puede tener antes de elegir su contraseña nueva. No puede ser ninguna de sus 10 contraseñas anteriores.',
  'forgot-password.new-password': 'Contraseña nueva',
  'forgot-password.confirm-password': 'Confirmar contraseña nueva',
  'forgot-password.confirm-required': 'Vuelva a ingresar la contraseña nueva.',
  'forgot-password.submit': 'Actualizar contraseña',
  'forgot-password.saving': 'Actualizando contraseña…',
  'forgot-password.done-title': 'Se actualizó su contraseña',
  'forgot-password.done-text':
    'Ya puede iniciar sesión con su contraseña nueva. Le enviamos un correo electrónico "Información de la cuenta - Actualizar contraseña".',
  'forgot-password.login': 'Ir a Iniciar sesión',
  'forgot-password.back-to-login': 'Volver a Iniciar sesión',
  'forgot-password.back': 'Atrás',
  'forgot-password.reused-field': 'Elija una contraseña que no haya usado antes.',

  // ---- <pep-forgot-username>
  'forgot-username.title': '¿Olvidó su nombre de usuario?',
  'forgot-username.intro': 'Ingrese el correo electrónico completo asociado a su cuenta.',
  'forgot-username.email': 'Correo electrónico',
  'forgot-username.submit': 'Enviar correo',
  'forgot-username.producer-note':
    'También puede comunicarse con el productor que lo agregó para obtener su nombre de usuario.',
  'forgot-username.sent-title': 'Revise su correo electrónico',
  'forgot-username.sent':
    'Si existe una cuenta para {email}, enviamos un correo electrónico a esa dirección con su nombre de usuario.',
  'forgot-username.help':
    'Si necesita más ayuda, llame al Servicio de Ayuda por Internet al {phone}.',
  'forgot-username.not-received': 'Si no recibe el correo, seleccione Reenviar correo.',
  'forgot-username.resend': 'Reenviar correo',
  'forgot-username.resend-wait': 'Puede reenviar el correo en {time}.',
  'forgot-username.resend-ready': 'Ya puede reenviar el correo.',
  'forgot-username.resent': 'Volvimos a enviar el correo.',
  'forgot-username.change-email': 'Usar otro correo electrónico',
  'forgot-username.back-to-login': 'Volver a Iniciar sesión',

  // ---- <pep-login>
  'login.title': 'Iniciar sesión',
  'login.username': 'Nombre de usuario',
  'login.password': 'Contraseña',
  'login.submit': 'Iniciar sesión',
  'login.forgot-username': '¿Olvidó su nombre de usuario?',
  'login.forgot-password': '¿Olvidó su contraseña?',
  'login.forgot-nav': 'Ayuda con la cuenta',
  'login.locked':
    'Su cuenta está bloqueada después de 5 intentos de contraseña incorrectos. Se desbloqueará automáticamente a las {time}. Para desbloquearla antes, use ¿Olvidó su nombre de usuario? u ¿Olvidó su contraseña? abajo, o llame al Servicio de Ayuda por Internet al {phone}.',
  'login.expired': 'Su inicio de sesión tardó demasiado y venció. Vuelva a iniciar sesión.',
  'login.done': 'Inició sesión.',
  'login.notice.password-created':
    'Se creó su contraseña. Inicie sesión con su nombre de usuario y su nueva contraseña.',
  'login.notice.password-updated':
    'Se actualizó su contraseña. Inicie sesión con su nueva contraseña. También le enviamos un correo electrónico que confirma el cambio.',

  // ---- <pep-my-delegates>
  'my-delegates.title': 'Mis delegados',
  'my-delegates.add': 'Agregar delegado',
  'my-delegates.loading': 'Cargando sus delegados…',
  'my-delegates.empty':
    'Todavía no agregó ningún delegado. Seleccione Agregar delegado para agregar uno.',
  'my-delegates.count': '{count} delegados',
  'my-delegates.count-one': '1 delegado',
  'my-delegates.username': 'Nombre de usuario',
  'my-delegates.email': 'Correo electrónico',
  'my-delegates.mobile': 'Número de celular',
  'my-delegates.states': 'Estado(s)',
  'my-delegates.status': 'Estado de la cuenta',
  'my-delegates.status.invited': 'Invitado (todavía sin contraseña)',
  'my-delegates.status.active': 'Activo',
  'my-delegates.status.locked': 'Bloqueado',
  'my-delegates.resend': 'Reenviar invitación',
  'my-delegates.resend-to': 'a {name}',
  'my-delegates.resending': 'Enviando…',
  'my-delegates.added': 'Se agregó a {name}. La lista está actualizada.',
  'my-delegates.resent':
    'Enviamos una invitación nueva a {email}. Los enlaces anteriores ya no funcionan.',
  'my-delegates.dialog-label': 'Agregar delegado',

  // ---- <pep-portal-home>
  'portal-home.nav-label': 'Principal',
  'portal-home.nav.home': 'Inicio',
  'portal-home.nav.hierarchy': 'Mi jerarquía',
  'portal-home.nav.quote': 'Cotizar e inscribir',
  'portal-home.menu-button': 'Menú de usuario de {name}',
  'portal-home.menu.information': 'Mi información',
  'portal-home.menu.logout': 'Cerrar sesión',
  'portal-home.logging-out': 'Cerrando sesión…',
  'portal-home.loading': 'Cargando su sesión…',
  'portal-home.signed-out-title': 'Cerró sesión',
  'portal-home.signed-out': 'Su sesión terminó. Vuelva a iniciar sesión.',
  'portal-home.logged-out': 'Cerró sesión.',
  'portal-home.login-link': 'Ir a Iniciar sesión',
  'portal-home.report-issue': 'Reportar un problema',
  'portal-home.information.title': 'Mi información',
  'portal-home.information.name': 'Nombre',
  'portal-home.information.username': 'Nombre de usuario',
  'portal-home.information.email': 'Correo electrónico',
  'portal-home.information.mobile': 'Celular',
  'portal-home.information.states': 'Estados',
  'portal-home.information.role': 'Función',
  'portal-home.role.delegate': 'Delegado',
  'portal-home.role.producer': 'Productor',
  'portal-home.role.help-desk': 'Servicio de Ayuda',
  'portal-home.hierarchy.title': 'Mi jerarquía',
  'portal-home.hierarchy.producer': 'Productor que lo agregó',
  'portal-home.hierarchy.producer-id': 'ID de productor',
  'portal-home.hierarchy.no-producer': 'Usted no es delegado de otro productor.',
  'portal-home.hierarchy.states': 'Estados que tiene asignados',
  'portal-home.quote.title': 'Cotizar e inscribir',
  'portal-home.not-available': 'No disponible para delegados',
  'portal-home.not-available-generic': 'No disponible para su cuenta',
  'portal-home.unavailable.quote': 'Las cotizaciones no están disponibles para su cuenta.',
  'portal-home.unavailable.onExchangeEnrollmentSso':
    'Los usuarios delegados no podrán usar el inicio de sesión único (SSO) ni iniciar sesión directamente para la inscripción asistida por agente en el Mercado (On Exchange) en IFM Shop and Enroll. Por lo tanto, no podrán hacer cotizaciones ni inscripciones del Mercado (ACA) en ese sitio. Los usuarios delegados pueden crear cotizaciones de planes del Mercado con la función Cotizar del {portal}.',
  'portal-home.unavailable.medicareQuotingSso':
    'Los usuarios delegados no podrán usar el inicio de sesión único (SSO) en el sistema de cotización e inscripción de Medicare. Sin embargo, esta función estará disponible en el futuro.',
  'portal-home.new-tab': '(se abre en una pestaña nueva)',
  'portal-home.idle-title': 'Pronto se cerrará su sesión',
  'portal-home.idle-text':
    'Por su seguridad, su sesión se cerrará en {wait} porque ha estado inactivo.',
  'portal-home.idle-stay': 'Seguir conectado',
  'portal-home.idle-logout': 'Cerrar sesión',
  'portal-home.idle-signed-out': 'Se cerró su sesión porque estuvo inactivo durante {duration}.',

  // ---- <pep-report-issue>
  'report-issue.title': 'Reportar un problema',
  'report-issue.intro':
    'Si encuentra errores o tiene problemas con cotizaciones o inscripciones, cuéntenos aquí.',
  'report-issue.description': 'Descripción detallada del problema o mensaje de error (obligatorio)',
  'report-issue.steps': 'Pasos que siguió antes de recibir el error (obligatorio)',
  'report-issue.client-name': 'Nombre del cliente o contacto (si corresponde)',
  'report-issue.agent-name': 'Nombre del agente (obligatorio)',
  'report-issue.producer-id': 'ID de productor (obligatorio)',
  'report-issue.product-type': 'Tipo de producto (obligatorio)',
  'report-issue.product-type-choose': 'Elija un tipo de producto',
  'report-issue.state': 'Estado (obligatorio)',
  'report-issue.state-choose': 'Elija un estado',
  'report-issue.observed-at': 'Fecha y hora en que se observó el problema (obligatorio)',
  'report-issue.observed-at-hint':
    'Tiene la fecha y hora actuales; cámbielas si el problema ocurrió antes.',
  'report-issue.screenshot': 'Captura de pantalla',
  'report-issue.screenshot-hint':
    'Se prefiere una captura de pantalla completa. Un archivo de imagen (PNG, JPEG, GIF o WebP) de hasta {max}.',
  'report-issue.screenshot-preview': 'Vista previa de {name}',
  'report-issue.screenshot-attached': 'Adjunto: {name} ({size})',
  'report-issue.screenshot-remove': 'Quitar captura de pantalla',
  'report-issue.screenshot-removed': 'Se quitó la captura de pantalla.',
  'report-issue.submit': 'Enviar',
  'report-issue.submitting': 'Enviando…',
  'report-issue.done-title': 'Problema reportado',
  'report-issue.done': 'Gracias. Su problema se envió al equipo de soporte.',
  'report-issue.ticket': 'Referencia del caso: {ticketId}',
  'report-issue.another': 'Reportar otro problema',
  'report-issue.home': 'Volver al inicio',
  'field.description.required': 'Describa el problema o el mensaje de error.',
  'field.stepsTaken.required': 'Ingrese los pasos que siguió antes del error.',
  'field.agentName.required': 'Ingrese el nombre del agente.',
  'field.producerId.required': 'Ingrese el ID de productor.',
  'field.productType.required': 'Elija un tipo de producto.',
  'field.productType.not-allowed': 'Elija uno de los tipos de producto de la lista.',
  'field.state.required': 'Elija un estado.',
  'field.observedAt.required': 'Ingrese la fecha y hora en que se observó el problema.',
  'field.observedAt.invalid-date': 'Ingrese una fecha y hora válidas que no sean futuras.',
  'field.screenshot.invalid-file-type':
    'La captura de pantalla debe ser un archivo de imagen (PNG, JPEG, GIF o WebP).',
  'field.screenshot.file-too-large':
    'La captura de pantalla pesa más de {max}. Elija una imagen más pequeña.',

  // ---- <pep-typing-pattern>
  'typing.title.enroll': 'Configure su patrón de escritura con el teclado',
  'typing.title.verify': 'Verifique su cuenta con el patrón de escritura',
  'typing.intro.enroll':
    'Escriba la oración resaltada tres (3) veces tal como aparece. Su ritmo de escritura lo identificará en sus próximos inicios de sesión.',
  'typing.intro.verify': 'Escriba la oración resaltada tres (3) veces tal como aparece.',
  'typing.sample-label': 'Oración que debe escribir:',
  'typing.input-label': 'Escriba la oración resaltada',
  'typing.input-hint':
    'El intento se registra cuando su texto coincide con la oración. Presione Intro para terminar un intento antes.',
  'typing.progress': 'Intento {current} de {total}',
  'typing.progress-done': '{total} de {total} intentos registrados',
  'typing.recorded': 'Se registró el intento {done} de {total}.',
  'typing.mismatch':
    'No coincide con la oración resaltada. Vuelva a escribir el intento {current} exactamente como aparece.',
  'typing.backspace':
    'No hay problema: las correcciones cambian el ritmo de escritura, así que se borró ese intento. Vuelva a escribir el intento {current} desde el principio.',
  'typing.paste': 'Aquí no se puede pegar. Escriba la oración usted mismo.',
  'typing.ime':
    'Su teclado está componiendo caracteres (un editor de métodos de entrada), así que no se puede medir su ritmo de escritura. Vuelva a escribir el intento {current} con entrada directa del teclado, o verifique con un código por correo electrónico o mensaje de texto.',
  'typing.ime-enroll':
    'Su teclado está componiendo caracteres (un editor de métodos de entrada), así que no se puede medir su ritmo de escritura. Cambie a entrada directa del teclado y vuelva a escribir el intento {current}.',
  'typing.ready': 'Se registraron los tres intentos.',
  'typing.submit.enroll': 'Continuar',
  'typing.submit.verify': 'Enviar',
  'typing.start-over': 'Empezar de nuevo',
  'typing.other-method': 'Verificar por correo electrónico o mensaje de texto',
  'typing.note.verify':
    'Si no puede escribir la oración, elija verificar por correo electrónico o mensaje de texto. Para restablecer su patrón de escritura, llame al Servicio de Ayuda por Internet al {phone}.',
  'typing.note.enroll':
    'Si no puede escribir la oración, puede verificar por correo electrónico o mensaje de texto en sus próximos inicios de sesión. Para restablecer su patrón de escritura, llame al Servicio de Ayuda por Internet al {phone}.',
  'typing.remember': 'Recordar este dispositivo por 30 días',
  'typing.remember-info': 'Acerca de recordar este dispositivo',
  'typing.remember-tip':
    'Selecciónelo si no quiere verificar su cuenta cada vez que inicie sesión desde este navegador. No lo seleccione en una computadora compartida o pública.',
  'typing.enrolled': 'Se guardó su patrón de escritura.',
  'typing.verified': 'Su cuenta está verificada.',
  'typing.expired': 'Este inicio de sesión venció. Vuelva a iniciar sesión.',

  // ---- <pep-verify-account>
  'verify.title': 'Verifique su cuenta',
  'verify.intro': 'Elija cómo quiere verificar su cuenta.',
  'verify.legend': 'Tres formas de verificar su cuenta',
  'verify.option.email': 'Enviar el código de verificación en un correo electrónico a {masked}',
  'verify.option.sms': 'Enviar el código de verificación en un mensaje de texto SMS al {masked}',
  'verify.option.pattern': 'Pedirme mi patrón personalizado de escritura con el teclado',
  'verify.reason.not-set-up':
    'Disponible desde su próximo inicio de sesión, una vez configurado su patrón de escritura.',
  'verify.reason.pattern-locked':
    'Desactivado después de 3 intentos fallidos hasta que verifique con un código. El Servicio de Ayuda por Internet al {phone} puede restablecer su patrón de escritura.',
  'verify.reason.unavailable': 'No disponible en este momento.',
  'verify.send-code': 'Enviar código',
  'verify.next': 'Siguiente',
  'verify.sent.email': 'Enviamos un código de verificación en un correo electrónico a {masked}.',
  'verify.sent.sms': 'Enviamos un código de verificación en un mensaje de texto SMS al {masked}.',
  'verify.code-label': 'Código de verificación',
  'verify.code-hint':
    'Ingrese el código de acceso único (OTP) de 8 caracteres. Vence a las {time}.',
  'verify.resend-prompt': '¿No recibió el código o ya venció? Puede',
  'verify.resend-wait': 'Puede enviarse un código nuevo a partir de las {time}.',
  'verify.resent': 'Se envió un código nuevo. Los códigos anteriores ya no funcionan.',
  'verify.remember': 'Recordar este dispositivo por 30 días',
  'verify.remember-info': 'Acerca de recordar este dispositivo',
  'verify.remember-tip':
    'Selecciónelo si no quiere verificar su cuenta cada vez que inicie sesión desde este navegador durante 30 días. No lo seleccione en una computadora compartida o pública.',
  'verify.submit': 'Enviar',
  'verify.other-method': 'Elegir otra forma de verificar',
  'verify.expired': 'Este inicio de sesión venció. Vuelva a iniciar sesión.',
  'verify.done': 'Su cuenta está verificada.',

  // ---- <pep-verify-email>
  'verify-email.verifying': 'Confirmando su correo electrónico…',
  'verify-email.done-title': '¡Se completó la verificación del correo electrónico!',
  'verify-email.done-text':
    'Gracias por confirmar su correo electrónico. Su nombre de usuario es {username}. Ahora, cree una contraseña para su cuenta.',
  'verify-email.create-password': 'Crear una contraseña',
  'verify-email.expired-title': 'Este enlace venció',
  'verify-email.used-title': 'Este enlace ya se usó',
  'verify-email.invalid-title': 'Este enlace no es válido',
  'verify-email.retry-title': 'No pudimos confirmar su correo electrónico',
  'verify-email.other-title': 'No pudimos confirmar su correo electrónico',
  'verify-email.used-hint':
    'Si ya creó su contraseña, puede iniciar sesión. Si la olvidó, use ¿Olvidó su contraseña? en la página de inicio de sesión.',
} as const satisfies LocaleCatalogue;
