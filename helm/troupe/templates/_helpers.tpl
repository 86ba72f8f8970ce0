{{/* Name prefix of every object of the release. */}}
{{- define "troupe.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Labels that select the pods of one component. */}}
{{- define "troupe.selectorLabels" -}}
app.kubernetes.io/name: troupe
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/*
Labels of pod templates: no chart or app version, so that a chart bump alone does not restart
every pod (a new image tag still does, through the image field).
*/}}
{{- define "troupe.podLabels" -}}
{{ include "troupe.selectorLabels" . }}
app.kubernetes.io/part-of: troupe
{{- end -}}

{{/* Labels of the objects themselves. */}}
{{- define "troupe.labels" -}}
{{ include "troupe.podLabels" . }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "troupe.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "troupe.adminTokenSecret" -}}
{{- .Values.auth.existingSecret | default (printf "%s-admin-token" (include "troupe.fullname" .)) -}}
{{- end -}}

{{- define "troupe.headAddress" -}}
{{ include "troupe.fullname" . }}-head:{{ .Values.head.port }}
{{- end -}}

{{- define "troupe.natsUrl" -}}
{{- if .Values.nats.url -}}
{{ .Values.nats.url }}
{{- else -}}
nats://{{ include "troupe.fullname" . }}-nats:{{ .Values.nats.port }}
{{- end -}}
{{- end -}}

{{- define "troupe.operatorServiceAccount" -}}
{{- if .Values.operator.serviceAccount.create -}}
{{- .Values.operator.serviceAccount.name | default (printf "%s-operator" (include "troupe.fullname" .)) -}}
{{- else -}}
{{- .Values.operator.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end -}}

{{/*
Pod-level scheduling and security shared by every component. `component` holds the component's
values (head, workers, operator, nats); each field falls back to the chart-wide default.
*/}}
{{- define "troupe.podSpecCommon" -}}
{{- $root := .root -}}
{{- $c := .values -}}
{{- with $root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml $root.Values.podSecurityContext | nindent 2 }}
{{- with ($c.priorityClassName | default $root.Values.priorityClassName) }}
priorityClassName: {{ . | quote }}
{{- end }}
{{- with $c.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $c.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $c.topologySpreadConstraints }}
topologySpreadConstraints:
  {{- tpl (toYaml .) $root | nindent 2 }}
{{- end }}
{{- end -}}

{{/* Container-level security shared by every container the chart runs. */}}
{{- define "troupe.containerSecurityContext" -}}
securityContext:
  {{- toYaml .Values.containerSecurityContext | nindent 2 }}
{{- end -}}

{{/*
Environment every Troupe process shares: the admin token and NATS. Pass `optional` true for the
operator, which creates the token's Secret when the installation gives none.
*/}}
{{- define "troupe.commonEnv" -}}
{{- $root := .root | default . -}}
- name: TROUPE_ADMIN_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "troupe.adminTokenSecret" $root }}
      key: token
      {{- if .optional }}
      optional: true
      {{- end }}
- name: TROUPE_NATS_URL
  value: {{ include "troupe.natsUrl" $root | quote }}
- name: TROUPE_CODE_DIR
  value: /app
{{- end -}}

{{/* TLS files for every Troupe container, from tls.existingSecret, mounted read-only. */}}
{{- define "troupe.tlsEnv" -}}
{{- if .Values.tls.enabled }}
- name: TROUPE_TLS_CERT
  value: /etc/troupe/tls/tls.crt
- name: TROUPE_TLS_KEY
  value: /etc/troupe/tls/tls.key
- name: TROUPE_TLS_CA
  value: /etc/troupe/tls/ca.crt
- name: TROUPE_TLS_SERVER_NAME
  value: {{ include "troupe.tlsServerName" . | quote }}
{{- end }}
{{- end -}}

{{/* The name every component checks in its peers' certificates (pods are dialled by IP). */}}
{{- define "troupe.tlsServerName" -}}
{{ include "troupe.fullname" . }}-head.{{ .Release.Namespace }}.svc
{{- end -}}

{{- define "troupe.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if .Values.tls.enabled }}
- name: tls
  mountPath: /etc/troupe/tls
  readOnly: true
{{- end }}
{{- end -}}

{{- define "troupe.volumes" -}}
# The root filesystem is read-only; Node and user code may still write temporary files.
- name: tmp
  emptyDir: {}
{{- if .Values.tls.enabled }}
- name: tls
  secret:
    secretName: {{ required "tls.existingSecret is required when tls.enabled is true" .Values.tls.existingSecret | quote }}
    defaultMode: 0440
{{- end }}
{{- end -}}

{{/*
NATS storage type. The chart before 0.2 had `nats.persistence.enabled` (true: a claim of the
default storage class); when set, it still decides, so existing value files keep working.
*/}}
{{- define "troupe.natsStorageType" -}}
{{- $p := .Values.nats.persistence -}}
{{- if hasKey $p "enabled" -}}
{{- ternary "storageClass" "ephemeral" (eq (toString $p.enabled) "true") -}}
{{- else -}}
{{- $p.type -}}
{{- end -}}
{{- end -}}

{{- define "troupe.dataTokenSecret" -}}
{{- .Values.auth.existingDataTokenSecret | default (printf "%s-data-token" (include "troupe.fullname" .)) -}}
{{- end -}}

{{/*
Secrets the operator creates at start-up (random values, once) because the installation gave no
value for them: a template cannot generate them without changing on every render. Each line:
the operator's flag variable and the Secret's name.
*/}}
{{- define "troupe.generatedSecrets" -}}
{{- if not (or .Values.auth.adminToken .Values.auth.existingSecret) }}
TROUPE_ADMIN_TOKEN_SECRET: {{ include "troupe.adminTokenSecret" . | quote }}
{{- end }}
{{- if not (or .Values.auth.dataToken .Values.auth.existingDataTokenSecret) }}
TROUPE_DATA_TOKEN_SECRET: {{ include "troupe.dataTokenSecret" . | quote }}
{{- end }}
{{- if not .Values.nats.auth.existingSecret }}
TROUPE_NATS_AUTH_SECRET: {{ include "troupe.natsAuthSecret" . | quote }}
{{- end }}
{{- end -}}

{{/* The data-plane token, for the processes that serve or make data calls (head hands it to admin clients). */}}
{{- define "troupe.dataTokenEnv" -}}
- name: TROUPE_DATA_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "troupe.dataTokenSecret" . }}
      key: TROUPE_DATA_TOKEN
{{- end -}}
