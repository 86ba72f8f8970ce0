{{/*
NATS authentication: one user per role, with the permissions of packages/common/src/nats-access.ts
(test/kubernetes/helm-chart.spec.ts checks that both say the same). Passwords come from the Secret
named by troupe.natsAuthSecret, through environment variables: the configuration holds none.
That Secret is nats.auth.existingSecret, or else one the operator creates at start-up with random
passwords (troupe.generatedSecrets); the chart never renders it, so renders do not change.
*/}}

{{- define "troupe.natsAuthSecret" -}}
{{- .Values.nats.auth.existingSecret | default (printf "%s-nats-auth" (include "troupe.fullname" .)) -}}
{{- end -}}

{{- define "troupe.natsPermissions" -}}
{{- $stream := "KV_troupe_state" -}}
{{- $snapshotGet := printf "$JS.API.DIRECT.GET.%s.$KV.troupe_state.snapshot" $stream -}}
head:
  publish:
    - troupe.snapshot
    - $KV.troupe_state.>
    - $JS.API.INFO
    - $JS.API.STREAM.INFO.{{ $stream }}
    - $JS.API.STREAM.CREATE.{{ $stream }}
    - $JS.API.STREAM.UPDATE.{{ $stream }}
    - $JS.API.STREAM.MSG.GET.{{ $stream }}
    - $JS.API.DIRECT.GET.{{ $stream }}
    - $JS.API.DIRECT.GET.{{ $stream }}.>
  subscribe:
    - troupe.proxy.heartbeat
    - _INBOX_troupe-head.>
proxy:
  publish:
    - troupe.proxy.heartbeat
    - {{ $snapshotGet }}
  subscribe:
    - troupe.snapshot
    - _INBOX_troupe-proxy.>
client:
  publish:
    - {{ $snapshotGet }}
  subscribe:
    - troupe.snapshot
    - _INBOX_troupe-client.>
{{- end -}}

{{- define "troupe.natsList" -}}
[{{ range $i, $subject := . }}{{ if $i }}, {{ end }}{{ $subject | quote }}{{ end }}]
{{- end -}}

{{/* nats-server configuration of the chart's NATS. */}}
{{- define "troupe.natsConfig" -}}
{{- $permissions := include "troupe.natsPermissions" . | fromYaml -}}
listen: "0.0.0.0:{{ .Values.nats.port }}"
http: {{ .Values.nats.monitorPort }}
jetstream {
  store_dir: "/data"
  {{- with .Values.nats.jetstream.maxFileStore }}
  max_file_store: {{ . }}
  {{- end }}
  {{- with .Values.nats.jetstream.maxMemoryStore }}
  max_memory_store: {{ . }}
  {{- end }}
  {{- with .Values.nats.syncInterval }}
  # "always": each acknowledged write is on disk before the head acts on it.
  sync_interval: {{ . }}
  {{- end }}
}
accounts {
  TROUPE {
    jetstream: enabled
    users: [
      {{- range $role := list "head" "proxy" "client" }}
      {{- $p := index $permissions $role }}
      { user: "troupe-{{ $role }}", password: ${{ printf "TROUPE_NATS_%s_PASSWORD" (upper $role) }}, permissions: { publish: { allow: {{ include "troupe.natsList" $p.publish }} }, subscribe: { allow: {{ include "troupe.natsList" $p.subscribe }} } } }
      {{- end }}
    ]
  }
}
{{- end -}}

{{/* NATS identity of the head: its own user, and the read-only one it hands to SDK clients. */}}
{{- define "troupe.headNatsEnv" -}}
- name: TROUPE_NATS_USER
  value: troupe-head
- name: TROUPE_NATS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "troupe.natsAuthSecret" . }}
      key: head-password
- name: TROUPE_NATS_CLIENT_USER
  value: troupe-client
- name: TROUPE_NATS_CLIENT_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "troupe.natsAuthSecret" . }}
      key: client-password
{{- end -}}

{{/* NATS identity of a worker: the read-only client, for the routes of the handle calls it relays for its replicas. */}}
{{- define "troupe.workerNatsEnv" -}}
- name: TROUPE_NATS_USER
  value: troupe-client
- name: TROUPE_NATS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "troupe.natsAuthSecret" . }}
      key: client-password
{{- end -}}
