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

{{- define "troupe.labels" -}}
{{ include "troupe.selectorLabels" . }}
app.kubernetes.io/part-of: troupe
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

{{/* Environment every Troupe process shares: the admin token and NATS. */}}
{{- define "troupe.commonEnv" -}}
- name: TROUPE_ADMIN_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "troupe.adminTokenSecret" . }}
      key: token
- name: TROUPE_NATS_URL
  value: {{ include "troupe.natsUrl" . | quote }}
- name: TROUPE_CODE_DIR
  value: /app
{{- end -}}

{{- define "troupe.dataTokenSecret" -}}
{{- printf "%s-data-token" (include "troupe.fullname" .) -}}
{{- end -}}

{{/* The data-plane token, for the processes that serve or make data calls (head hands it to admin clients). */}}
{{- define "troupe.dataTokenEnv" -}}
- name: TROUPE_DATA_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "troupe.dataTokenSecret" . }}
      key: TROUPE_DATA_TOKEN
{{- end -}}
