// Nightlight for an Arduino Uno with Grove parts over USB, for MQTT Lab's USB bridge (the Uno has no Wi-Fi).
// Every 2 seconds it prints the Grove light sensor (A0) as one JSON line:  {"light":652}
// It obeys command lines from the lab (from <ID>/commands):              {"led_on":true}
// LED: a Grove LED on D5 of the Grove Base Shield. Serial: 9600 baud.
// Lines that are not JSON ("LED on") are only shown in the lab's serial monitor, never sent to MQTT.

const unsigned long TELEMETRY_INTERVAL_MS = 2000;
const int LIGHT_PIN = A0;
const int LED_PIN = 5;
const size_t MAX_LINE = 64;

char line[MAX_LINE + 1];
size_t lineLength = 0;
bool lineTooLong = false;
unsigned long lastTelemetryMs = 0;

void setup()
{
  Serial.begin(9600);
  // The Uno restarts when the lab opens the port (DTR), then starts here.
  while (!Serial)
    ; // Wait for Serial to be ready

  pinMode(LIGHT_PIN, INPUT);
  pinMode(LED_PIN, OUTPUT);
  digitalWrite(LED_PIN, LOW);
}

// Finds "led_on" in a JSON line and reads the true/false after it. Returns 1 (on), 0 (off) or -1 (not a command).
int ledCommand(const char *text)
{
  const char *key = strstr(text, "\"led_on\"");
  if (key == NULL)
    return -1;
  const char *value = key + strlen("\"led_on\"");
  while (*value == ' ' || *value == ':' || *value == '\t')
    value++;
  if (strncmp(value, "true", 4) == 0 || *value == '1')
    return 1;
  if (strncmp(value, "false", 5) == 0 || *value == '0')
    return 0;
  return -1;
}

void handleLine(const char *text)
{
  int command = ledCommand(text);
  if (command == 1)
  {
    digitalWrite(LED_PIN, HIGH);
    Serial.println("LED on");
  }
  else if (command == 0)
  {
    digitalWrite(LED_PIN, LOW);
    Serial.println("LED off");
  }
}

void readCommands()
{
  while (Serial.available() > 0)
  {
    char c = (char)Serial.read();
    if (c == '\r')
      continue;
    if (c == '\n')
    {
      line[lineLength] = '\0';
      if (!lineTooLong)
        handleLine(line);
      lineLength = 0;
      lineTooLong = false;
    }
    else if (lineLength < MAX_LINE)
    {
      line[lineLength++] = c;
    }
    else
    {
      lineTooLong = true; // a line this long is not a command: drop it
    }
  }
}

void loop()
{
  readCommands();

  unsigned long nowMs = millis();
  if (nowMs - lastTelemetryMs >= TELEMETRY_INTERVAL_MS)
  {
    lastTelemetryMs = nowMs;
    int light = analogRead(LIGHT_PIN);
    Serial.print("{\"light\":");
    Serial.print(light);
    Serial.println("}");
  }
}
